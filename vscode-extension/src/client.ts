// Starts the Heal language server (`heal lsp` over stdio) and owns the LanguageClient's lifetime.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
    DynamicFeature,
    Executable,
    LanguageClient,
    LanguageClientOptions,
    ServerOptions,
    StaticFeature,
} from 'vscode-languageclient/node';
import { initializationOptions, readSettings } from './config';
import { secretEnvironment } from './secrets';

/**
 * A LanguageClient that does not register the server's executeCommandProvider commands: the extension registers every
 * heal.* command itself (each maps to a typed heal/* request with progress and UI), and a second registration of the
 * same id by the client would fail.
 */
class HealLanguageClient extends LanguageClient {
    public override registerFeature(feature: StaticFeature | DynamicFeature<unknown>): void {
        const registrationType = (feature as Partial<DynamicFeature<unknown>>).registrationType;
        if (registrationType?.method === 'workspace/executeCommand') {
            return;
        }
        super.registerFeature(feature);
    }
}

/**
 * How to run the server: `heal.serverPath` (an executable, `heal` for the one on PATH, or a .dll), else the build bundled
 * under server/, else an installed `heal` on PATH (`dotnet tool install -g Heal.Cli`).
 */
export function serverExecutable(extensionPath: string, serverPath: string): Executable {
    const bundled = path.join(extensionPath, 'server', 'heal.dll');
    const candidate = serverPath || (fs.existsSync(bundled) ? bundled : 'heal');
    // No `transport`: TransportKind.stdio would append `--stdio`, which `heal lsp` rejects; stdio is the default anyway.
    if (candidate.toLowerCase().endsWith('.dll')) {
        return { command: 'dotnet', args: [candidate, 'lsp'] };
    }
    return { command: candidate, args: ['lsp'] };
}

export async function startClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): Promise<LanguageClient> {
    const settings = readSettings();
    const executable = serverExecutable(context.extensionPath, settings.serverPath);
    const program = executable.command === 'dotnet' ? executable.args?.[0] : executable.command;
    if (program && path.isAbsolute(program) && !fs.existsSync(program)) {
        throw new Error(`Heal language server not found at ${program}. Set heal.serverPath to a heal executable or heal.dll.`);
    }
    executable.options = { env: { ...process.env, ...(await secretEnvironment(context.secrets)) } };
    output.appendLine(`Starting the Heal language server: ${executable.command} ${(executable.args ?? []).join(' ')}`);

    const serverOptions: ServerOptions = executable;
    const clientOptions: LanguageClientOptions = {
        documentSelector: [
            { scheme: 'file', language: 'csharp' },
            { scheme: 'file', pattern: '**/*.{cs,csx,razor,cshtml,fs,vb}' },
        ],
        initializationOptions: initializationOptions(settings),
        outputChannel: output,
        traceOutputChannel: output,
        // Diagnostics for files that are not open feed the Problems panel; keep them after the document closes.
        diagnosticCollectionName: 'heal',
    };
    const client = new HealLanguageClient('heal', 'Heal', serverOptions, clientOptions);
    await client.start();
    output.appendLine('Heal language server started.');
    return client;
}
