// The validation table of a heal run (status, root cause, confidence, each gate) in a webview beside the diff.
import * as vscode from 'vscode';
import { HealResult } from './lspExt';

let panel: vscode.WebviewPanel | undefined;

export function showValidationReport(result: HealResult): void {
    if (panel) {
        panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
        const created = vscode.window.createWebviewPanel('heal.validation', 'Heal: validation', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false });
        created.onDidDispose(() => { panel = undefined; });
        panel = created;
    }
    panel.webview.html = renderReport(result);
}

/** Everything from the result is escaped: root causes and gate details can quote untrusted event text. */
export function renderReport(result: HealResult): string {
    const confidence = `${Math.round(result.confidence * 100)}%`;
    const mark = (status: string): string => status === 'passed' ? '✔' : status === 'failed' ? '✘' : '–';
    const rows = (result.gates ?? []).map(g => `<tr><td>${mark(g.status)}</td><td>${escapeHtml(g.name)}</td>`
        + `<td>${escapeHtml(g.status)}</td><td><pre>${escapeHtml(g.detail ?? '')}</pre></td></tr>`).join('');
    return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<style>body{font-family:var(--vscode-font-family);color:var(--vscode-foreground)}table{border-collapse:collapse}td,th{border:1px solid var(--vscode-panel-border);padding:2px 8px;text-align:left;vertical-align:top}pre{margin:0;white-space:pre-wrap}</style>
</head><body>
<h2>Heal: ${escapeHtml(result.status)}</h2>
${result.message && result.message !== result.status ? `<p>${escapeHtml(result.message)}</p>` : ''}
${result.patch ? `<p><b>Confidence:</b> ${confidence}</p>` : ''}
<p><b>Root cause:</b> ${escapeHtml(result.rootCause ?? 'unknown')}</p>
${rows ? `<table><thead><tr><th></th><th>Gate</th><th>Status</th><th>Detail</th></tr></thead><tbody>${rows}</tbody></table>` : '<p>No validation gate ran.</p>'}
${result.patch ? `<h3>Patch</h3><pre class="patch">${escapeHtml(result.patch)}</pre>` : '<p>No patch: nothing in the workspace was changed.</p>'}
${intentSection(result)}
${candidateSection(result)}
${result.regressionTest ? `<h3>Regression test (new file ${escapeHtml(result.regressionTest.path)})</h3><p>Failed without the fix and passed with it; Accept adds it.</p><pre class="regression-test">${escapeHtml(result.regressionTest.text)}</pre>` : ''}
</body></html>`;
}

/** What the repository says should happen in the failing case: the intent the patch follows (or the decline weighed). */
function intentSection(result: HealResult): string {
    const intent = (result.evidence ?? []).filter(e => e.outcome);
    if (intent.length === 0) {
        return '';
    }
    const rows = intent.map(e => `<tr><td>${escapeHtml(e.kind)}</td><td>${escapeHtml(e.outcome ?? '')}</td>`
        + `<td>${escapeHtml(`${e.path}:${e.line}`)}</td><td><pre>${escapeHtml(e.text)}</pre></td></tr>`).join('');
    return `<h3>What the code says should happen</h3><table class="intent"><thead><tr><th>Kind</th><th>Says</th><th>Where</th><th>Text</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** On a decline: the fixes the evidence supported, none of which dominated, with their patches (not applied). */
function candidateSection(result: HealResult): string {
    const candidates = result.candidates ?? [];
    if (candidates.length === 0) {
        return '';
    }
    const items = candidates.map(c => `<li><b>${escapeHtml(c.summary)}</b> (${escapeHtml(c.fixKind)}, score ${c.score.toFixed(2)})`
        + `<ul>${c.evidence.map(e => `<li>${escapeHtml(e.kind)} ${escapeHtml(`${e.path}:${e.line}`)}: ${escapeHtml(e.outcome ?? '')} — <code>${escapeHtml(e.text)}</code></li>`).join('')}</ul>`
        + `${c.patch ? `<pre class="candidate-patch">${escapeHtml(c.patch)}</pre>` : ''}</li>`).join('');
    return `<h3>Candidates (none clearly dominates; choose one yourself)</h3><ol class="candidates">${items}</ol>`;
}

function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
