// Holds the running client so features can reach it across restarts; features ask for it when they need it.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { affectsServer } from './config';
import { startClient } from './client';

export class HealSession implements vscode.Disposable {
    private _client: LanguageClient | undefined;
    private _starting: Promise<LanguageClient | undefined> | undefined;
    private readonly _onDidStart = new vscode.EventEmitter<LanguageClient>();
    public readonly onDidStart = this._onDidStart.event;

    public constructor(private readonly _context: vscode.ExtensionContext, public readonly output: vscode.OutputChannel) {
        _context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(e => {
            if (affectsServer(e)) {
                void this.restart();
            }
        }));
    }

    public get client(): LanguageClient | undefined {
        return this._client;
    }

    public start(): Promise<LanguageClient | undefined> {
        this._starting ??= startClient(this._context, this.output).then(
            client => {
                this._client = client;
                this._onDidStart.fire(client);
                return client;
            },
            (error: unknown) => {
                const message = error instanceof Error ? error.message : String(error);
                this.output.appendLine(`Heal language server failed to start: ${message}`);
                void vscode.window.showErrorMessage(`Heal: ${message}`, 'Show output').then(choice => {
                    if (choice) {
                        this.output.show();
                    }
                });
                this._starting = undefined;
                return undefined;
            });
        return this._starting;
    }

    public async restart(): Promise<void> {
        const old = this._client;
        this._client = undefined;
        this._starting = undefined;
        if (old) {
            await old.stop().catch(() => undefined);
        }
        await this.start();
    }

    /** The running client, starting it if needed; undefined (after telling the user) when it cannot start. */
    public async require(): Promise<LanguageClient | undefined> {
        return this._client ?? this.start();
    }

    public async dispose(): Promise<void> {
        this._onDidStart.dispose();
        await this._client?.stop().catch(() => undefined);
    }
}
