// Entry point: wires the features to one session with the Heal language server; no logic of its own.
import * as vscode from 'vscode';
import { registerErrorActions } from './errorActions';
import { registerErrorsView } from './errorsView';
import { registerHealCommand } from './healCommand';
import { registerPatchReview } from './patchReview';
import { registerSecretCommands } from './secrets';
import { HealSession } from './session';
import { registerStatusBar } from './statusBar';

let session: HealSession | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const output = vscode.window.createOutputChannel('Heal');
    session = new HealSession(context, output);
    const current = session;
    context.subscriptions.push(
        output,
        vscode.commands.registerCommand('heal.showOutput', () => output.show()),
        vscode.commands.registerCommand('heal.restartServer', () => current.restart()),
    );
    registerSecretCommands(context, () => void current.restart());
    const view = registerErrorsView(context, current);
    registerStatusBar(context, view);
    const review = registerPatchReview(context, current);
    registerHealCommand(context, current, review);
    registerErrorActions(context, current, review, () => view.refresh());
    await current.start();
}

export async function deactivate(): Promise<void> {
    await session?.dispose();
    session = undefined;
}
