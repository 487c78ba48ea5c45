// The "Production Errors" tree: groups from heal/listErrors, then their frames; a frame opens its file at the line.
import * as vscode from 'vscode';
import { ErrorFrame, ErrorGroupItem, ListErrorsRequest } from './lspExt';
import { HealSession } from './session';

type Node = { kind: 'group'; group: ErrorGroupItem } | { kind: 'frame'; group: ErrorGroupItem; frame: ErrorFrame };

export class ErrorsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
    private readonly _changed = new vscode.EventEmitter<void>();
    private readonly _groupsChanged = new vscode.EventEmitter<ErrorGroupItem[]>();
    private _groups: ErrorGroupItem[] = [];
    private _refreshTimer: NodeJS.Timeout | undefined;
    public readonly onDidChangeTreeData = this._changed.event;
    /** Fires with the open groups after each refresh (the status bar counts them). */
    public readonly onDidChangeGroups = this._groupsChanged.event;

    public constructor(private readonly _session: HealSession) {
    }

    public get groups(): readonly ErrorGroupItem[] {
        return this._groups;
    }

    public async refresh(): Promise<void> {
        const client = this._session.client;
        if (!client) {
            return;
        }
        try {
            const result = await client.sendRequest(ListErrorsRequest.type, {});
            this._groups = Array.isArray(result?.groups) ? result.groups : [];
        } catch (error) {
            this._session.output.appendLine(`heal/listErrors failed: ${error instanceof Error ? error.message : String(error)}`);
            this._groups = [];
        }
        this._changed.fire();
        this._groupsChanged.fire(this._groups);
    }

    /** Coalesces bursts (each publishDiagnostics) into one heal/listErrors call. */
    public scheduleRefresh(): void {
        if (this._refreshTimer) {
            clearTimeout(this._refreshTimer);
        }
        this._refreshTimer = setTimeout(() => void this.refresh(), 300);
    }

    public getChildren(node?: Node): Node[] {
        if (!node) {
            return this._groups.map(group => ({ kind: 'group', group }));
        }
        if (node.kind === 'group') {
            return (node.group.frames ?? []).map(frame => ({ kind: 'frame', group: node.group, frame }));
        }
        return [];
    }

    public getTreeItem(node: Node): vscode.TreeItem {
        if (node.kind === 'group') {
            const g = node.group;
            const item = new vscode.TreeItem(g.title, (g.frames?.length ?? 0) > 0
                ? vscode.TreeItemCollapsibleState.Collapsed
                : vscode.TreeItemCollapsibleState.None);
            item.id = `group:${g.groupId}`;
            item.contextValue = 'healGroup';
            item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
            const count = g.count !== undefined ? `${g.count} event${g.count === 1 ? '' : 's'}` : '';
            item.description = [count, g.lastSeen ? `last ${g.lastSeen}` : '', g.release ?? ''].filter(s => s).join(' · ');
            item.tooltip = new vscode.MarkdownString().appendText(g.message ?? g.title);
            return item;
        }
        const f = node.frame;
        const uri = f.uri ? vscode.Uri.parse(f.uri) : undefined;
        const label = f.label ?? f.function ?? (uri ? vscode.workspace.asRelativePath(uri) : '(unknown frame)');
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
        item.contextValue = 'healFrame';
        item.iconPath = new vscode.ThemeIcon(f.inApp === false ? 'library' : 'debug-stackframe');
        if (uri) {
            const line = f.line ?? 0;
            item.description = `${vscode.workspace.asRelativePath(uri)}:${line + 1}`;
            const position = new vscode.Position(line, f.character ?? 0);
            item.command = {
                command: 'vscode.open',
                title: 'Open frame',
                arguments: [uri, { selection: new vscode.Range(position, position) } satisfies vscode.TextDocumentShowOptions],
            };
        }
        return item;
    }

    public dispose(): void {
        if (this._refreshTimer) {
            clearTimeout(this._refreshTimer);
        }
        this._changed.dispose();
        this._groupsChanged.dispose();
    }
}

export function registerErrorsView(context: vscode.ExtensionContext, session: HealSession): ErrorsView {
    const view = new ErrorsView(session);
    context.subscriptions.push(
        view,
        vscode.window.createTreeView('heal.errors', { treeDataProvider: view, showCollapseAll: true }),
        vscode.commands.registerCommand('heal.refresh', () => view.refresh()),
        session.onDidStart(() => void view.refresh()),
        // The server re-publishes diagnostics when the store changes; that is the cue to re-read the groups.
        vscode.languages.onDidChangeDiagnostics(() => view.scheduleRefresh()),
    );
    return view;
}
