// The "Production Errors" tree: groups from heal/listErrors, then their frames; a frame opens its file at the line.
import * as vscode from 'vscode';
import { ErrorFrame, ErrorSummary, ListErrorsRequest } from './lspExt';
import { HealSession } from './session';

type Node = { kind: 'group'; error: ErrorSummary } | { kind: 'frame'; error: ErrorSummary; frame: ErrorFrame };

export class ErrorsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
    private readonly _changed = new vscode.EventEmitter<void>();
    private readonly _groupsChanged = new vscode.EventEmitter<ErrorSummary[]>();
    private _groups: ErrorSummary[] = [];
    private _refreshTimer: NodeJS.Timeout | undefined;
    public readonly onDidChangeTreeData = this._changed.event;
    /** Fires with the groups after each refresh (the status bar counts the open ones). */
    public readonly onDidChangeGroups = this._groupsChanged.event;

    public constructor(private readonly _session: HealSession) {
    }

    public get groups(): readonly ErrorSummary[] {
        return this._groups;
    }

    public async refresh(): Promise<void> {
        const client = this._session.client;
        if (!client) {
            return;
        }
        try {
            const result = await client.sendRequest(ListErrorsRequest.type);
            this._groups = Array.isArray(result?.errors) ? result.errors : [];
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
            return this._groups.map(error => ({ kind: 'group', error }));
        }
        if (node.kind === 'group') {
            return (node.error.frames ?? []).map(frame => ({ kind: 'frame', error: node.error, frame }));
        }
        return [];
    }

    public getTreeItem(node: Node): vscode.TreeItem {
        if (node.kind === 'group') {
            const g = node.error;
            const muted = g.status === 'muted';
            const item = new vscode.TreeItem(`${shortType(g.type)}: ${g.message ?? ''}`, (g.frames?.length ?? 0) > 0
                ? vscode.TreeItemCollapsibleState.Collapsed
                : vscode.TreeItemCollapsibleState.None);
            item.id = `group:${g.groupId}`;
            item.contextValue = muted ? 'healMutedGroup' : 'healGroup';
            item.iconPath = muted ? new vscode.ThemeIcon('bell-slash') : new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
            const count = `${g.count} event${g.count === 1 ? '' : 's'}`;
            item.description = [count, `last ${new Date(g.lastSeen).toLocaleString()}`, g.release ?? '', muted ? 'muted' : ''].filter(s => s).join(' · ');
            // Event text is untrusted: appendText escapes it.
            item.tooltip = new vscode.MarkdownString().appendText(`${g.type}: ${g.message ?? ''}`);
            return item;
        }
        const f = node.frame;
        const uri = f.location ? vscode.Uri.parse(f.location.uri) : undefined;
        const item = new vscode.TreeItem(f.function ?? f.file ?? '(unknown frame)', vscode.TreeItemCollapsibleState.None);
        item.contextValue = 'healFrame';
        item.iconPath = new vscode.ThemeIcon(uri ? 'debug-stackframe' : 'library');
        item.description = f.file ? `${f.file.split(/[\\/]/).pop()}${f.line ? `:${f.line}` : ''}` : '';
        if (uri && f.location) {
            const start = f.location.range.start;
            item.description = `${vscode.workspace.asRelativePath(uri)}:${start.line + 1}`;
            const position = new vscode.Position(start.line, start.character);
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

/** System.NullReferenceException → NullReferenceException: the tree is narrow. */
function shortType(type: string): string {
    return type.split('.').pop() ?? type;
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
