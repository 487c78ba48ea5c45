// A status-bar item with the number of open production errors; clicking it reveals the tree.
import * as vscode from 'vscode';
import { ErrorsView } from './errorsView';

export function registerStatusBar(context: vscode.ExtensionContext, view: ErrorsView): void {
    const item = vscode.window.createStatusBarItem('heal.status', vscode.StatusBarAlignment.Left, 50);
    item.name = 'Heal';
    item.command = 'heal.errors.focus';
    const show = (count: number): void => {
        item.text = `$(pulse) ${count} production error${count === 1 ? '' : 's'}`;
        item.tooltip = 'Heal: open production errors';
        item.backgroundColor = count > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
        item.show();
    };
    show(0);
    context.subscriptions.push(item, view.onDidChangeGroups(groups => show(groups.filter(g => g.status !== 'muted').length)));
}
