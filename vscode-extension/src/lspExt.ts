// The heal/* extensions of the Heal language server, declared once and typed; mirrors docs/lsp-extensions.md.
// Only this file names the methods; features import the request types from here.
import { RequestType, RequestType0, WorkspaceEdit } from 'vscode-languageclient';

/** Identifies one error group and the file the request came from (commands and code actions carry these). */
export interface GroupParams {
    groupId: string;
    uri?: string;
}

/** One validation gate of a heal run (build, tests, the regression test, ...). */
export interface Gate {
    name: string;
    passed: boolean;
    detail?: string;
    durationMs?: number;
}

export interface HealResult {
    /** e.g. "validated", "failed", "declined", "noDiagnosis". */
    status: string;
    rootCause?: string;
    /** 0..1. */
    confidence?: number;
    gates: Gate[];
    /** Unified diff of the patch. */
    patch?: string;
    /** The patch as edits against the workspace's current text, for the client to preview before applying. */
    edit?: WorkspaceEdit;
}

export interface OpenPullRequestResult {
    url?: string;
    status?: string;
    message?: string;
}

export interface ErrorDetailsResult {
    /** Rendered Markdown; event text is escaped by the server. */
    markdown: string;
    groupId?: string;
    title?: string;
    count?: number;
    firstSeen?: string;
    lastSeen?: string;
}

export interface ErrorFrame {
    function?: string;
    uri?: string;
    /** Zero-based, as in LSP positions. */
    line?: number;
    character?: number;
    inApp?: boolean;
    label?: string;
}

export interface ErrorGroupItem {
    groupId: string;
    title: string;
    message?: string;
    count?: number;
    lastSeen?: string;
    release?: string;
    status?: string;
    frames: ErrorFrame[];
}

export interface ListErrorsParams {
    /** Include muted groups too. */
    includeMuted?: boolean;
}

export interface ListErrorsResult {
    groups: ErrorGroupItem[];
}

export namespace HealRequest {
    export const method = 'heal/heal';
    export const type = new RequestType<GroupParams, HealResult, void>(method);
}

export namespace OpenPullRequestRequest {
    export const method = 'heal/openPullRequest';
    export const type = new RequestType<GroupParams, OpenPullRequestResult, void>(method);
}

export namespace ErrorDetailsRequest {
    export const method = 'heal/errorDetails';
    export const type = new RequestType<GroupParams, ErrorDetailsResult, void>(method);
}

export namespace MuteRequest {
    export const method = 'heal/mute';
    export const type = new RequestType<GroupParams, unknown, void>(method);
}

export namespace ListErrorsRequest {
    export const method = 'heal/listErrors';
    export const type = new RequestType<ListErrorsParams, ListErrorsResult, void>(method);
    export const type0 = new RequestType0<ListErrorsResult, void>(method);
}

/** Pulls {groupId, uri} out of whatever a command was invoked with: code-action args, a tree item, nothing. */
export function groupParamsOf(arg: unknown): GroupParams | undefined {
    if (arg && typeof arg === 'object') {
        const record = arg as Record<string, unknown>;
        if (typeof record.groupId === 'string') {
            return { groupId: record.groupId, uri: typeof record.uri === 'string' ? record.uri : undefined };
        }
        if (record.group && typeof record.group === 'object') {
            return groupParamsOf(record.group);
        }
    }
    if (typeof arg === 'string' && arg.length > 0) {
        return { groupId: arg };
    }
    return undefined;
}
