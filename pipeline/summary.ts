// The short summary printed at the end of every build and check.
import type { PipelineResult, Timings } from './build.ts';

export function formatTimings(t: Timings): string {
  return Object.entries(t)
    .map(([k, v]) => `${k} ${v} ms`)
    .join(', ');
}

export function formatSummary(r: PipelineResult, extra: Record<string, number> = {}): string {
  const warnings = r.problems.filter((p) => p.severity === 'warning').length;
  const errors = r.problems.length - warnings;
  const g = r.graph;
  const lines: string[] = [];
  if (g) {
    const t = g.counts.byType;
    lines.push(
      `${g.counts.cases} cases, ${g.counts.notes} notities, ${g.counts.findings} bevindingen (${t.knelpunt} knelpunten, ${t.succesfactor} succesfactoren, ${t['rode-draad']} rode draden, ${t.les} lessen), ${g.counts.themes} thema's, ${g.counts.threads} rode draden op de site`,
    );
  } else {
    lines.push(`${r.model.cases.length} cases, ${r.model.notes.length} notities gelezen`);
  }
  lines.push(`${errors} ${errors === 1 ? 'fout' : 'fouten'}, ${warnings} ${warnings === 1 ? 'waarschuwing' : 'waarschuwingen'}`);
  lines.push(`tijd: ${formatTimings({ ...r.timings, ...extra })}`);
  return lines.join('\n');
}
