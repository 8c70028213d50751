/**
 * Generates a deterministic synthetic vault for benchmarks and scale tests.
 *
 *   npm run gen-vault -- <out-folder> [--notes 10000] [--seed 1] [--prereqs 3] [--chinese 20] [--sections 3]
 *     [--frontmatter 100]
 *
 * Each note is about 3 KB (10,000 notes ≈ 30 MB) in nested folders, with about 5 wiki links (some with `|alias`,
 * `#heading` or `#^block`, some embeds, markdown links and unresolved targets), Chinese text, titles and aliases in
 * about 20% of notes (`--chinese` percent), nested tags, headings and block ids. `--sections 1` gives notes of about
 * 1.3 KB (a vault of many small notes, like issue 13's 3,176 notes / 4.3 MB: `--notes 3200 --sections 1 --chinese 40
 * --frontmatter 50`); `--frontmatter` is the percentage of notes that have a frontmatter block. With `--prereqs K`, every note after the first few lists
 * about K `prerequisites` to lower-numbered notes (so the prerequisite graph is acyclic) and a `level` 1–4.
 * Refuses to write into a non-empty folder (exit 1).
 */
import { parseArgsOrUsage } from './cli-args.ts';
import { mkdirSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export interface GenerateOptions {
  notes: number;
  seed: number;
  /** Prerequisites per note (0 = none). */
  prereqs: number;
  /** Percentage of notes written in Chinese; default 20. */
  chinese?: number;
  /** Sections (`## …` with two paragraphs each) per note, 1–3; default 3 (≈ 3 KB a note; 1 ≈ 1.3 KB). */
  sections?: number;
  /** Percentage of notes with a frontmatter block; default 100 (below 100, `prerequisites` may be dropped). */
  frontmatter?: number;
}

/** mulberry32: small, fast, deterministic PRNG returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'scheduler goroutine channel buffer select context cancel deadline mutex lock atomic pool heap stack ' +
  'escape marker barrier sweep pacer socket epoll poller handshake window congestion request handler router ' +
  'middleware token bucket breaker fallback replica shard index cache eviction queue consumer producer cluster ' +
  'container image volume service endpoint latency throughput memory pointer slice map interface method value ' +
  'the a of to and in is that for with as on by this it an be are from at or which'
).split(' ');
const CJK = (
  '协程 调度 通道 缓冲 选择 上下文 取消 互斥锁 原子 对象池 堆 栈 逃逸 标记 屏障 清扫 套接字 轮询 握手 拥塞 请求 ' +
  '中间件 令牌桶 熔断 降级 副本 分片 索引 缓存 队列 消费者 生产者 集群 容器 镜像 服务 延迟 吞吐 内存 指针 切片 接口'
).split(' ');
const AREAS = ['runtime', 'concurrency', 'memory', 'network', 'web', 'data', 'cloud', 'distributed', '并发', '网络'];

interface NoteMeta {
  index: number;
  folder: string;
  title: string;
  alias: string | null;
  chinese: boolean;
}

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

function sentence(rnd: () => number, chinese: boolean): string {
  if (chinese) {
    const n = 6 + Math.floor(rnd() * 10);
    let s = '';
    for (let i = 0; i < n; i++) s += pick(rnd, CJK) + (rnd() < 0.3 ? '的' : '');
    return s + '。';
  }
  const n = 8 + Math.floor(rnd() * 12);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(pick(rnd, WORDS));
  const s = words.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

function metaFor(i: number, rnd: () => number, chineseShare: number): NoteMeta {
  const chinese = rnd() < chineseShare;
  const area = AREAS[i % AREAS.length];
  const folder = `${area}/part-${String(Math.floor(i / 250)).padStart(3, '0')}`;
  const id = String(i).padStart(5, '0');
  const title = chinese ? `概念 ${id} ${pick(rnd, CJK)}` : `Concept ${id} ${pick(rnd, WORDS)}`;
  const alias = rnd() < 0.2 ? (chinese ? `别名${id}` : `alias-${id}`) : null;
  return { index: i, folder, title, alias, chinese };
}

/** Builds the text of note `m`; `metas` are all notes (links point anywhere, prerequisites only backwards). */
function noteText(m: NoteMeta, metas: NoteMeta[], opts: GenerateOptions, rnd: () => number): string {
  const fm: string[] = ['---'];
  if (m.alias) fm.push(`aliases: [${m.alias}]`);
  fm.push(`tags: [${m.index % 2 ? 'gen/even' : 'gen/odd'}, area/${m.folder.split('/')[0]}]`);
  if (opts.prereqs > 0) {
    fm.push(`level: ${1 + (m.index % 4)}`);
    const pre = new Set<number>();
    const want = m.index < 3 ? 0 : opts.prereqs;
    for (let k = 0; k < want * 3 && pre.size < want; k++) {
      // Mostly recent notes, sometimes far back: gives long chains and wide diamonds.
      const back = rnd() < 0.7 ? 1 + Math.floor(rnd() * 50) : 1 + Math.floor(rnd() * m.index);
      if (m.index - back >= 0) pre.add(m.index - back);
    }
    if (pre.size) fm.push(`prerequisites: [${[...pre].map((p) => `"[[${metas[p].title}]]"`).join(', ')}]`);
  }
  fm.push('---');
  // the draw is made only when some notes go without frontmatter, so that default vaults stay as they were
  const withFrontmatter = (opts.frontmatter ?? 100) >= 100 || rnd() * 100 < (opts.frontmatter ?? 100);
  const body: string[] = [`# ${m.title}`, ''];
  const linkTo = (): string => {
    const t = metas[Math.floor(rnd() * metas.length)];
    const r = rnd();
    if (r < 0.08) return `[[Missing ${Math.floor(rnd() * 500)}]]`;
    if (r < 0.18 && t.alias) return `[[${t.alias}]]`;
    if (r < 0.28) return `[[${t.title}|${pick(rnd, WORDS)}]]`;
    if (r < 0.34) return `[[${t.title}#Details]]`;
    if (r < 0.38) return `![[${t.title}#^b${t.index}]]`;
    if (r < 0.44) return `[${pick(rnd, WORDS)}](${encodeURI(`/${t.folder}/${t.title}.md`).slice(1)})`;
    return `[[${t.title}]]`;
  };
  const sections = ['Overview', 'Details', 'Pitfalls'].slice(0, Math.max(1, Math.min(3, opts.sections ?? 3)));
  for (const h of sections) {
    body.push(`## ${h}`, '');
    for (let p = 0; p < 2; p++) {
      const parts: string[] = [];
      for (let s = 0; s < 5; s++) {
        parts.push(sentence(rnd, m.chinese && rnd() < 0.7));
        if (rnd() < 0.17) parts.push(linkTo());
      }
      if (rnd() < 0.1) parts.push(`#topic/${pick(rnd, ['go', 'net', '并发', 'db'])}`);
      body.push(parts.join(' ') + (h === 'Details' && p === 0 ? ` ^b${m.index}` : ''), '');
    }
  }
  body.push('```go', 'func main() { ch := make(chan int) // [[not a link]]', '}', '```', '');
  return (withFrontmatter ? fm.join('\n') + '\n' : '') + body.join('\n');
}

/** Writes the vault; returns the number of bytes written. Throws if `out` exists and is not empty. */
export function generateVault(out: string, opts: GenerateOptions): { notes: number; bytes: number } {
  if (existsSync(out) && readdirSync(out).length > 0)
    throw new Error(`refusing to write into non-empty folder: ${out}`);
  const rnd = prng(opts.seed);
  const metas: NoteMeta[] = [];
  for (let i = 0; i < opts.notes; i++) metas.push(metaFor(i, rnd, (opts.chinese ?? 20) / 100));
  let bytes = 0;
  const made = new Set<string>();
  for (const m of metas) {
    const dir = join(out, m.folder);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    const text = noteText(m, metas, opts, rnd);
    writeFileSync(join(dir, `${m.title}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  return { notes: metas.length, bytes };
}

function main(argv: string[]): number {
  const usage =
    'usage: npm run gen-vault -- <out-folder> [--notes 10000] [--seed 1] [--prereqs 3] [--chinese 20] [--sections 3] [--frontmatter 100]';
  const config = {
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      notes: { type: 'string' },
      seed: { type: 'string' },
      prereqs: { type: 'string' },
      chinese: { type: 'string' },
      sections: { type: 'string' },
      frontmatter: { type: 'string' },
    },
  } as const;
  const parsed = parseArgsOrUsage(config, usage);
  if (!parsed) return 2;
  const positional = parsed.positionals;
  const opts: GenerateOptions = { notes: 10000, seed: 1, prereqs: 0 };
  for (const name of ['notes', 'seed', 'prereqs', 'chinese', 'sections', 'frontmatter'] as const) {
    const raw = parsed.values[name];
    if (raw === undefined) continue;
    const v = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(v) || v < 0) {
      console.error(`--${name} takes a whole number`);
      return 2;
    }
    opts[name] = v;
  }
  if (positional.length !== 1) {
    console.error(usage);
    return 2;
  }
  try {
    const t0 = performance.now();
    const r = generateVault(positional[0], opts);
    console.log(
      `generated ${r.notes} notes, ${(r.bytes / 1e6).toFixed(1)} MB in ${Math.round(performance.now() - t0)} ms → ${positional[0]}`,
    );
    return 0;
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  }
}

// `import.meta.main` (Node 24): right for any path (spaces, non-ASCII, symlinks).
if (import.meta.main) process.exit(main(process.argv.slice(2)));
