// Typed access to the heal.* settings; the only file that reads workspace configuration.
import * as vscode from 'vscode';

export interface ServerSettings {
    serverPath: string;
    store: string;
    jsonl: string;
    importBaseUrl: string;
    importOrganization: string;
    importProject: string;
    llmProvider: string;
    llmEndpoint: string;
    llmModel: string;
    codeHostUrl: string;
    codeHostRepository: string;
}

export function readSettings(): ServerSettings {
    const c = vscode.workspace.getConfiguration('heal');
    const text = (key: string, fallback = ''): string => (c.get<string>(key) ?? fallback).trim();
    return {
        serverPath: text('serverPath'),
        store: text('store'),
        jsonl: text('jsonl'),
        importBaseUrl: text('import.baseUrl'),
        importOrganization: text('import.organization'),
        importProject: text('import.project'),
        llmProvider: text('llm.provider', 'offline'),
        llmEndpoint: text('llm.endpoint'),
        llmModel: text('llm.model'),
        codeHostUrl: text('codeHost.url', 'https://api.github.com'),
        codeHostRepository: text('codeHost.repository'),
    };
}

/** Settings whose change needs a server restart (they go into initializationOptions or the process). */
export function affectsServer(event: vscode.ConfigurationChangeEvent): boolean {
    return ['heal.serverPath', 'heal.store', 'heal.jsonl', 'heal.import', 'heal.llm', 'heal.codeHost'].some(s => event.affectsConfiguration(s));
}

/**
 * initializationOptions sent to the server. Empty settings are left out so the server applies its own default
 * (the workspace's .heal/settings.json, then the default local store).
 */
export function initializationOptions(settings: ServerSettings): Record<string, unknown> {
    const options: Record<string, unknown> = {};
    if (settings.store) {
        options.store = settings.store;
    }
    if (settings.jsonl) {
        options.jsonl = settings.jsonl;
    }
    // A Sentry-style backend replaces the store; its token is the server's HEAL_SENTRY_TOKEN, never sent from here.
    if (settings.importOrganization && settings.importProject) {
        options.sentry = { url: settings.importBaseUrl || undefined, org: settings.importOrganization, project: settings.importProject };
    }
    options.llm = { provider: settings.llmProvider, endpoint: settings.llmEndpoint || undefined, model: settings.llmModel || undefined };
    options.codeHost = { url: settings.codeHostUrl, repository: settings.codeHostRepository || undefined };
    return options;
}
