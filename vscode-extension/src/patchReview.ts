// Review of a heal/heal result before anything touches the working tree: a diff editor per changed file (original vs
// the patched text, built from the result's WorkspaceEdit), the validation table, and Accept / Reject / Open PR.
import * as vscode from 'vscode';
import { HealParams, HealResult, OpenPullRequestRequest, OpenPullRequestResult } from './lspExt';
import { readSettings } from './config';
import { HealSession } from './session';
import { showValidationReport } from './validationReport';

export const patchedScheme = 'heal-patched';

interface Review {
    params: HealParams;
    result: HealResult;
    edit: vscode.WorkspaceEdit;
    patchedUris: vscode.Uri[];
}

export class PatchReview implements vscode.TextDocumentContentProvider, vscode.Disposable {
    private readonly _contents = new Map<string, string>();
    private readonly _changed = new vscode.EventEmitter<vscode.Uri>();
    private _review: Review | undefined;
    public readonly onDidChange = this._changed.event;

    public constructor(private readonly _session: HealSession) {
    }

    public provideTextDocumentContent(uri: vscode.Uri): string {
        return this._contents.get(uri.toString()) ?? '';
    }

    /** Opens the diff and the report for a heal result, then asks the user what to do with it. */
    public async show(params: HealParams, result: HealResult): Promise<void> {
        const client = this._session.client;
        showValidationReport(result);
        if (!client || !result.edit) {
            void vscode.window.showWarningMessage(noPatchMessage(result));
            return;
        }
        const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
        if (!edit || edit.size === 0) {
            void vscode.window.showWarningMessage(`Heal: ${result.status}. The patch changes nothing in this workspace.`);
            return;
        }
        this._review = { params, result, edit, patchedUris: [] };
        await vscode.commands.executeCommand('setContext', 'heal.reviewingPatch', true);
        const test = result.regressionTest;
        if (test) {
            // A new file: its diff is against nothing, opened first so the fix's diff ends up in front. Accept creates
            // it with the patch, in the same undoable edit.
            const query = `group=${encodeURIComponent(params.groupId)}`;
            const empty = vscode.Uri.parse(test.uri).with({ scheme: patchedScheme, query: `${query}&empty` });
            const created = vscode.Uri.parse(test.uri).with({ scheme: patchedScheme, query });
            this._contents.set(empty.toString(), '');
            this._contents.set(created.toString(), test.text);
            this._changed.fire(empty);
            this._changed.fire(created);
            this._review.patchedUris.push(empty, created);
            await vscode.commands.executeCommand('vscode.diff', empty, created, `${test.path} (new) ↔ Heal regression test`, { preview: false });
        }
        for (const [uri, edits] of edit.entries()) {
            const original = await vscode.workspace.openTextDocument(uri);
            const patchedUri = uri.with({ scheme: patchedScheme, query: `group=${encodeURIComponent(params.groupId)}` });
            this._contents.set(patchedUri.toString(), applyEdits(original, edits));
            this._changed.fire(patchedUri);
            this._review.patchedUris.push(patchedUri);
            const name = vscode.workspace.asRelativePath(uri);
            await vscode.commands.executeCommand('vscode.diff', uri, patchedUri, `${name} ↔ Heal patch`, { preview: false });
        }
        if (test) {
            edit.createFile(vscode.Uri.parse(test.uri), { ignoreIfExists: false, contents: new TextEncoder().encode(test.text) });
        }
        await this.ask();
    }

    private async ask(): Promise<void> {
        const review = this._review;
        if (!review) {
            return;
        }
        const confidence = ` · confidence ${Math.round(review.result.confidence * 100)}%`;
        const gates = review.result.gates ?? [];
        const passed = gates.filter(g => g.status === 'passed').length;
        // Delivery refuses a patch that did not pass validation, so only a validated one is offered as a pull request,
        // and the others are asked about as a warning naming the gates that failed.
        const failed = gates.filter(g => g.status === 'failed').map(g => g.name);
        const withTest = review.result.regressionTest ? ' with its regression test' : '';
        let choice = review.result.status === 'validated'
            ? await vscode.window.showInformationMessage(
                `Heal: patch validated${confidence} · ${passed}/${gates.length} gates passed. Apply it${withTest}?`,
                'Accept', 'Reject', 'Open PR')
            : await vscode.window.showWarningMessage(
                `Heal: patch ${review.result.status}${failed.length > 0 ? ` (failed: ${failed.join(', ')})` : ''}${confidence}. Apply it anyway?`,
                'Accept', 'Reject');
        if (choice === 'Open PR') {
            const failure = await this.requestPullRequest(review.params);
            if (failure === undefined || this._review !== review) {
                return;
            }
            // The patch is still under review: the message that says why also offers the other choices, in one
            // notification (a second one shown right after an error notification sometimes rendered empty).
            choice = await vscode.window.showErrorMessage(
                `Heal could not open a pull request: ${failure}. The patch is not applied; apply it here?`, 'Accept', 'Reject');
        }
        if (choice === 'Accept') {
            await this.accept();
        } else if (choice === 'Reject') {
            await this.reject();
        }
    }

    /** Applies the WorkspaceEdit through the editor (undoable) and saves the touched files. */
    public async accept(): Promise<void> {
        const review = this._review;
        if (!review) {
            return;
        }
        const applied = await vscode.workspace.applyEdit(review.edit);
        if (!applied) {
            void vscode.window.showErrorMessage('Heal: the patch could not be applied (the files changed since it was made?).');
            return;
        }
        for (const [uri] of review.edit.entries()) {
            const document = await vscode.workspace.openTextDocument(uri);
            await document.save();
        }
        await this.close();
        this._session.output.appendLine(`Accepted the patch for group ${review.params.groupId}.`);
        void vscode.window.showInformationMessage('Heal: patch applied.');
    }

    public async reject(): Promise<void> {
        const review = this._review;
        await this.close();
        if (review) {
            this._session.output.appendLine(`Rejected the patch for group ${review.params.groupId}.`);
        }
    }

    /** "Open pull request" from a title button or a tree item: delivers, and says why when no pull request was opened. */
    public async openPullRequest(params?: HealParams): Promise<void> {
        const target = params ?? this._review?.params;
        if (!target) {
            return;
        }
        const failure = await this.requestPullRequest(target);
        if (failure !== undefined) {
            void vscode.window.showErrorMessage(`Heal could not open a pull request: ${failure}.`);
        }
    }

    /**
     * Asks the server to deliver: it re-validates (stateless), pushes a branch and opens the PR, then offers to show it.
     * Returns undefined when a pull request was opened, else why not; a failed request is never thrown.
     */
    private async requestPullRequest(target: HealParams): Promise<string | undefined> {
        // The server's only source for the repository is this setting (initializationOptions.codeHost): say what to
        // set instead of a round trip that can only fail.
        if (!readSettings().codeHostRepository) {
            return 'no repository is set for pull requests; set heal.codeHost.repository (owner/name) and a token with "Heal: Set GitHub token"';
        }
        const { workDoneToken: _, ...stateless } = target;
        const client = await this._session.require();
        if (!client) {
            return 'the Heal language server is not running';
        }
        let result: OpenPullRequestResult | undefined;
        try {
            result = await vscode.window.withProgress(
                { location: vscode.ProgressLocation.Notification, title: 'Heal: opening a pull request', cancellable: true },
                (_progress, token) => client.sendRequest(OpenPullRequestRequest.type, stateless, token));
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            this._session.output.appendLine(`heal/openPullRequest failed: ${message}`);
            return pullRequestFailure(message);
        }
        if (!result?.url) {
            return (result?.message ?? 'the server opened none').replace(/\.$/, '');
        }
        const open = await vscode.window.showInformationMessage(`Heal: pull request opened: ${result.url}`, 'Open');
        if (open) {
            await vscode.env.openExternal(vscode.Uri.parse(result.url));
        }
        return undefined;
    }

    private async close(): Promise<void> {
        const review = this._review;
        this._review = undefined;
        await vscode.commands.executeCommand('setContext', 'heal.reviewingPatch', false);
        if (!review) {
            return;
        }
        const patched = new Set(review.patchedUris.map(u => u.toString()));
        const tabs = vscode.window.tabGroups.all.flatMap(g => g.tabs).filter(tab =>
            tab.input instanceof vscode.TabInputTextDiff && patched.has(tab.input.modified.toString()));
        await vscode.window.tabGroups.close(tabs);
        for (const uri of patched) {
            this._contents.delete(uri);
        }
    }

    public dispose(): void {
        this._changed.dispose();
    }
}

/**
 * What the user reads when a heal run ends without a patch to review. The server's message already starts with the
 * status ("declined: the intended behaviour … cannot be inferred"), so it is not repeated.
 */
export function noPatchMessage(result: HealResult): string {
    const reason = (result.message ?? '').replace(new RegExp(`^${result.status}:\\s*`, 'i'), '').replace(/\.$/, '');
    const what = result.status === 'declined' ? 'Heal declined to patch this error' : `Heal: no patch (${result.status})`;
    const candidates = candidateList(result);
    return `${what}: ${reason}.${candidates ? ` Candidates: ${candidates}.` : ''} Nothing was changed.`;
}

/**
 * The fixes the evidence supported when none dominated, best first, each with its score and the first thing the code
 * says for it: "return null (0.55: doc return `null`); fall back to DefaultRate (0.50: constant ...)".
 */
export function candidateList(result: HealResult): string {
    return (result.candidates ?? []).slice(0, 3).map(c => {
        const first = c.evidence.find(e => e.outcome && !e.outcome.startsWith('not '));
        return `${c.summary} (${c.score.toFixed(2)}${first ? `: ${first.kind} at ${first.path}:${first.line}` : ''})`;
    }).join('; ');
}

/** The document's text with the edits applied (edits do not overlap; applied from the end so offsets hold). */
export function applyEdits(document: vscode.TextDocument, edits: readonly vscode.TextEdit[]): string {
    const text = document.getText();
    const sorted = edits
        .map(e => ({ start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end), newText: e.newText }))
        .sort((a, b) => b.start - a.start || b.end - a.end);
    let result = text;
    for (const e of sorted) {
        result = result.slice(0, e.start) + e.newText + result.slice(e.end);
    }
    return result;
}

export function registerPatchReview(context: vscode.ExtensionContext, session: HealSession): PatchReview {
    const review = new PatchReview(session);
    context.subscriptions.push(
        review,
        vscode.workspace.registerTextDocumentContentProvider(patchedScheme, review),
        vscode.commands.registerCommand('heal.acceptPatch', () => review.accept()),
        vscode.commands.registerCommand('heal.rejectPatch', () => review.reject()),
    );
    return review;
}

/** The server's reason, as the user reads it: without the method-name prefix and the final period. */
export function pullRequestFailure(message: string): string {
    return message.replace(/^heal\/\w+: /, '').replace(/\.$/, '');
}
