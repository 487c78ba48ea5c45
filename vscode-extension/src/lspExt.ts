// The heal/* extensions of the Heal language server, declared once and typed; mirrors docs/lsp-extensions.md.
// Only this file names the methods; features import the request types from here.
import { Location, MarkupContent, ProgressToken, RequestType, RequestType0, WorkspaceEdit } from 'vscode-languageclient';

/** Params of heal/mute and heal/errorDetails: the group id, nothing held by the server. */
export interface GroupParams {
    groupId: string;
}

/** Params of heal/heal (and the argument of the heal.heal command): the group and the document asked from. */
export interface HealParams extends GroupParams {
    uri?: string;
    workDoneToken?: ProgressToken;
}

/** One validation gate of a heal run (build, tests, the regression test, ...). */
export interface Gate {
    name: string;
    status: 'passed' | 'failed' | 'skipped' | string;
    detail: string;
}

export interface HealResult {
    /** validated, declined, rejected, unverified (a model's patch not built or tested: no sandbox; review it first) or error. */
    status: string;
    message: string;
    rootCause?: string;
    /** 0..1. */
    confidence: number;
    gates: Gate[];
    /** Unified diff of the patch. */
    patch?: string;
    /** The patch as edits against the files' current text (changes form), for the client to preview before applying. */
    edit?: WorkspaceEdit;
    /** The test that reproduced the crash (failed without the fix, passed with it), offered as a new file; only when proven. */
    regressionTest?: RegressionTest;
    /** What the repository says should happen in the failing case (kind doc, own-exit, test, ...), then the frames and lines relied on. */
    evidence?: Evidence[];
    /** On a decline: the fixes the evidence supported when none clearly dominated, best first. */
    candidates?: Candidate[];
}

/** One evidence item: an intent item (with the outcome it names) or a frame/source line (kind = its role). */
export interface Evidence {
    /** doc, producer, nullable, attribute, required, constant, own-exit, sibling, caller, test, event; or a role such as "throwing frame". */
    kind: string;
    /** Workspace-relative path. */
    path: string;
    /** 1-based. */
    line: number;
    text: string;
    /** e.g. "return `null`", "not return `0`", "the value may be absent"; absent for frames. */
    outcome?: string | null;
    /** Opens the line; absent when the path is outside the workspace. */
    uri?: string | null;
}

/** A fix the evidence supported on a decline: never applied by the server. */
export interface Candidate {
    fixKind: string;
    summary: string;
    /** 0..1. */
    score: number;
    /** Unified diff. */
    patch?: string | null;
    evidence: Evidence[];
}

/** A new test file written by Heal: workspace-relative path, URI and whole text. */
export interface RegressionTest {
    path: string;
    uri: string;
    text: string;
}

/**
 * Params of heal/openPullRequest: the group, and optionally where to deliver. Left-out fields come from
 * initializationOptions.codeHost; the token is the server's HEAL_GITHUB_TOKEN, never a parameter.
 */
export interface OpenPullRequestParams extends HealParams {
    /** owner/name. */
    repository?: string;
    codeHostUrl?: string;
    remote?: string;
    base?: string;
}

/** The pull request opened for a patch the server validated again; anything else is a RequestFailed (-32803) error. */
export interface OpenPullRequestResult {
    number: number;
    url: string;
    branch: string;
    /** 0..1. */
    confidence: number;
    /** @deprecated Never set: the server reports why nothing was opened as a RequestFailed (-32803) error's message. */
    message?: string;
}

/** A stack frame; location is set when it links to a file of the workspace. line is the event's (1-based). */
export interface ErrorFrame {
    function?: string;
    file?: string;
    line?: number;
    location?: Location;
}

/** One error group. Times are ISO 8601; status is open, muted, ... */
export interface ErrorSummary {
    groupId: string;
    type: string;
    message?: string;
    count: number;
    firstSeen: string;
    lastSeen: string;
    release?: string;
    status: string;
    /** Innermost (throwing) frame first. */
    frames: ErrorFrame[];
}

export interface ErrorDetailsResult {
    /** The hover's Markdown; event text is escaped by the server. */
    markdown: MarkupContent;
    error: ErrorSummary;
}

export interface MuteResult {
    muted: boolean;
}

/** Groups most recently seen first, muted ones included with their status. */
export interface ListErrorsResult {
    errors: ErrorSummary[];
}

export namespace HealRequest {
    export const method = 'heal/heal';
    export const type = new RequestType<HealParams, HealResult, void>(method);
}

export namespace OpenPullRequestRequest {
    export const method = 'heal/openPullRequest';
    export const type = new RequestType<OpenPullRequestParams, OpenPullRequestResult, void>(method);
}

export namespace ErrorDetailsRequest {
    export const method = 'heal/errorDetails';
    export const type = new RequestType<GroupParams, ErrorDetailsResult, void>(method);
}

export namespace MuteRequest {
    export const method = 'heal/mute';
    export const type = new RequestType<GroupParams, MuteResult, void>(method);
}

export namespace ListErrorsRequest {
    export const method = 'heal/listErrors';
    export const type = new RequestType0<ListErrorsResult, void>(method);
}

/** Pulls {groupId, uri} out of whatever a command was invoked with: code-action or code-lens args, a tree node. */
export function groupParamsOf(arg: unknown): HealParams | undefined {
    if (arg && typeof arg === 'object') {
        const record = arg as Record<string, unknown>;
        if (typeof record.groupId === 'string') {
            return { groupId: record.groupId, uri: typeof record.uri === 'string' ? record.uri : undefined };
        }
        if (record.error && typeof record.error === 'object') {
            return groupParamsOf(record.error);
        }
    }
    if (typeof arg === 'string' && arg.length > 0) {
        return { groupId: arg };
    }
    return undefined;
}
