import type { ProbeExchange, ProbeReport, ProbeVerdict } from './probe.js';
import { callHeading, codedLine, perEngineLines } from './per-engine.js';
import type { WireRequest } from './send.js';

// Response headers worth showing: the ones the checks read, and where a redirect goes.
const SHOWN = /^(access-control-|vary$|location$)/i;

function requestLines(request: WireRequest, tag: string): string[] {
  return [`> ${request.method} ${request.url}${tag}`, ...request.headers.map(([name, value]) => `>   ${name}: ${value}`)];
}

function exchangeLines(exchange: ProbeExchange, all: number): string[] {
  const who = exchange.engines.length === all ? '' : `  (as ${exchange.engines.join(', ')} send it)`;
  const lines = requestLines(exchange.request, `${exchange.step === 'preflight' ? '  [preflight]' : ''}${who}`);
  if (exchange.response === null) return lines;
  lines.push(`< ${exchange.response.status}`);
  for (const [name, value] of exchange.response.headers) if (SHOWN.test(name)) lines.push(`<   ${name}: ${value}`);
  if (!exchange.response.bodyComplete)
    lines.push(`<   (body not read to its end: ${exchange.response.bodyBytes} bytes read; CORS is judged on the head)`);
  return lines;
}

function heldBackLines(request: WireRequest): string[] {
  return [
    ...requestLines(request, '  [not sent]'),
    `(the ${request.method} itself was not sent: probe sends only GET and HEAD unless told to; add --send to send it and judge its answer)`,
  ];
}

function verdictLine(verdict: ProbeVerdict): string {
  const cache = verdict.preflightCacheSeconds === null ? '' : `, preflight cached ${verdict.preflightCacheSeconds} s`;
  const passed = verdict.preflightCacheSeconds === null ? '' : `preflight passed (cached ${verdict.preflightCacheSeconds} s); `;
  if (!verdict.judged) return `  ${verdict.engine.padEnd(9)} not judged: ${passed}the call was not sent (--send)`;
  if (verdict.allowed) return `  ${verdict.engine.padEnd(9)} allowed${cache}`;
  return `  ${verdict.engine.padEnd(9)} denied ${verdict.blockedAt === 'request' ? 'before sending (fetch refuses the call)' : `at the ${verdict.blockedAt === 'preflight' ? 'preflight' : 'response'}`}`;
}

/** The human report: each round trip, the verdict per engine, what the server must change, then notes. */
export function formatProbe(report: ProbeReport): string {
  const [first] = report.predictions;
  if (first === undefined) return '';
  const lines = [`probe ${callHeading(first)}`, ''];
  for (const exchange of report.exchanges) lines.push(...exchangeLines(exchange, report.predictions.length), '');
  if (report.heldBack !== null) lines.push(...heldBackLines(report.heldBack), '');
  else if (report.exchanges.every((exchange) => exchange.step !== 'request'))
    lines.push('(the request itself was not sent: no engine would send it)', '');
  lines.push('verdict', ...report.verdicts.map(verdictLine));
  const refusals = perEngineLines(report.verdicts, (verdict) =>
    verdict.blockedAt === 'request'
      ? (report.predictions.find((p) => p.engine === verdict.engine)?.reasons ?? [])
          .filter((r) => r.severity === 'reject')
          .map((r) => `[${r.code}] ${r.message}`)
      : [],
  );
  const fixes = perEngineLines(report.verdicts, (verdict) => verdict.failures.map(codedLine));
  if (refusals.length > 0) lines.push('', 'why fetch refuses it', ...refusals);
  if (fixes.length > 0) lines.push('', 'what the server must change', ...fixes);
  const readable = perEngineLines(report.verdicts, (verdict) =>
    verdict.allowed && verdict.exposed.length > 0 ? [verdict.exposed.join(', ')] : [],
  );
  if (readable.length > 0) lines.push('', 'response headers the page may read', ...readable);
  const notes = perEngineLines(report.verdicts, (verdict) => verdict.notes);
  if (notes.length > 0) lines.push('', 'notes', ...notes);
  return lines.join('\n');
}
