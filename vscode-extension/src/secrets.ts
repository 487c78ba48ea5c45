// Tokens and API keys live in the editor's SecretStorage, never in settings; the server gets them through its
// process environment (HEAL_GITHUB_TOKEN, HEAL_LLM_API_KEY, HEAL_SENTRY_TOKEN), so they never travel in JSON-RPC traffic or traces.
import * as vscode from 'vscode';

const githubTokenKey = 'heal.githubToken';
const llmApiKeyKey = 'heal.llmApiKey';
const sentryTokenKey = 'heal.sentryToken';

export async function secretEnvironment(secrets: vscode.SecretStorage): Promise<Record<string, string>> {
    const env: Record<string, string> = {};
    const github = await secrets.get(githubTokenKey);
    const llm = await secrets.get(llmApiKeyKey);
    const sentry = await secrets.get(sentryTokenKey);
    if (github) {
        env.HEAL_GITHUB_TOKEN = github;
    }
    if (llm) {
        env.HEAL_LLM_API_KEY = llm;
    }
    if (sentry) {
        env.HEAL_SENTRY_TOKEN = sentry;
    }
    return env;
}

export function registerSecretCommands(context: vscode.ExtensionContext, onChanged: () => void): void {
    const ask = async (key: string, prompt: string): Promise<void> => {
        const value = await vscode.window.showInputBox({ prompt, password: true, ignoreFocusOut: true, placeHolder: 'Leave empty to remove' });
        if (value === undefined) {
            return;
        }
        if (value.trim() === '') {
            await context.secrets.delete(key);
        } else {
            await context.secrets.store(key, value.trim());
        }
        onChanged();
    };
    context.subscriptions.push(
        vscode.commands.registerCommand('heal.setGitHubToken', () => ask(githubTokenKey, 'GitHub token used to open pull requests')),
        vscode.commands.registerCommand('heal.setLlmApiKey', () => ask(llmApiKeyKey, 'API key of the LLM provider')),
        vscode.commands.registerCommand('heal.setSentryToken', () => ask(sentryTokenKey, 'Auth token of the Sentry-style backend errors are imported from')),
    );
}
