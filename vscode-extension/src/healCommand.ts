// "Heal this error": runs heal/heal in the background with progress, then hands the result to the patch review.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { WorkDoneProgress } from 'vscode-languageclient';
import { groupParamsOf, HealParams, HealRequest, HealResult } from './lspExt';
import { PatchReview } from './patchReview';
import { HealSession } from './session';

export function registerHealCommand(context: vscode.ExtensionContext, session: HealSession, review: PatchReview): void {
    context.subscriptions.push(vscode.commands.registerCommand('heal.heal', async (arg: unknown) => {
        const params = groupParamsOf(arg) ?? await pickGroupAtCursor();
        const client = await session.require();
        if (!params || !client) {
            return;
        }
        session.output.appendLine(`heal/heal ${params.groupId} (${params.uri ?? 'no uri'})`);
        let result: HealResult | undefined;
        try {
            result = await vscode.window.withProgress(
                { location: vscode.ProgressLocation.Notification, title: 'Heal', cancellable: true },
                async (progress, token) => {
                    progress.report({ message: 'diagnosing and validating…' });
                    const workDoneToken = randomUUID();
                    // The server reports build/test/gate progress on the token we hand it.
                    const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, value => {
                        if (value.kind !== 'end' && value.message) {
                            progress.report({ message: value.message });
                        }
                    });
                    try {
                        return await client.sendRequest(HealRequest.type, { ...params, workDoneToken }, token);
                    } finally {
                        listener.dispose();
                    }
                });
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            session.output.appendLine(`heal/heal failed: ${message}`);
            void vscode.window.showErrorMessage(`Heal failed: ${message}`);
            return;
        }
        if (result) {
            session.output.appendLine(`heal/heal → ${result.status} (${result.message}), confidence ${result.confidence}`);
            await review.show(params, result);
        }
    }));
}

/** With no arguments (command palette), heal the Heal diagnostic under the cursor. */
export async function pickGroupAtCursor(): Promise<HealParams | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
        return undefined;
    }
    const diagnostic = vscode.languages.getDiagnostics(editor.document.uri)
        .filter(d => d.source === 'heal' && d.range.contains(editor.selection.active))
        .concat(vscode.languages.getDiagnostics(editor.document.uri).filter(d => d.source === 'heal'))[0];
    const code = typeof diagnostic?.code === 'object' ? diagnostic.code.value : diagnostic?.code;
    if (code === undefined) {
        void vscode.window.showInformationMessage('Heal: no production error on this line.');
        return undefined;
    }
    return { groupId: String(code), uri: editor.document.uri.toString() };
}
