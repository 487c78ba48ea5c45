// "Show error details", "Mute this error" and "Open pull request": one heal/* request each.
import * as vscode from 'vscode';
import { ErrorDetailsRequest, groupParamsOf, MuteRequest } from './lspExt';
import { pickGroupAtCursor } from './healCommand';
import { PatchReview } from './patchReview';
import { HealSession } from './session';

export function registerErrorActions(context: vscode.ExtensionContext, session: HealSession, review: PatchReview, refresh: () => Promise<void>): void {
    context.subscriptions.push(
        vscode.commands.registerCommand('heal.showErrorDetails', async (arg: unknown) => {
            const params = groupParamsOf(arg) ?? await pickGroupAtCursor();
            const client = await session.require();
            if (!params || !client) {
                return;
            }
            const details = await client.sendRequest(ErrorDetailsRequest.type, { groupId: params.groupId });
            // The server escapes event text inside the Markdown; the preview renders it without running anything.
            const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: details?.markdown?.value ?? '(no details)' });
            await vscode.commands.executeCommand('markdown.showPreviewToSide', document.uri);
        }),
        vscode.commands.registerCommand('heal.mute', async (arg: unknown) => {
            const params = groupParamsOf(arg) ?? await pickGroupAtCursor();
            const client = await session.require();
            if (!params || !client) {
                return;
            }
            const result = await client.sendRequest(MuteRequest.type, { groupId: params.groupId });
            session.output.appendLine(result?.muted ? `Muted group ${params.groupId}.` : `Group ${params.groupId} was not muted (unknown to the store).`);
            await refresh();
        }),
        vscode.commands.registerCommand('heal.openPullRequest', async (arg: unknown) => {
            await review.openPullRequest(groupParamsOf(arg));
        }),
    );
}
