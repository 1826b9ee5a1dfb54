// A technique's picture, drawn by the server (GET /api/pictures/ID.svg) and
// put into the page as SVG, so the stylesheet can fit it to dark mode and
// play its loop (.picture.loop) unless the reader asked for reduced motion,
// where the still picture with its key frames stays. The addresses come from
// GET /api/pictures with a version (?v=): the browser keeps those for good,
// and a changed picture gets a new address.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

type Foot = 'left' | 'right';
type Addresses = Map<string, Record<Foot, string>>;

let addresses: Promise<Addresses> | undefined;
const fetched = new Map<string, Promise<string>>();

function versioned(): Promise<Addresses> {
  addresses ??= fetch('/api/pictures')
    .then((r) => (r.ok ? r.json() : { pictures: [] }))
    .then((body: { pictures: { technique: string; left: string; right: string }[] }) =>
      new Map(body.pictures.map((p) => [p.technique, { left: p.left, right: p.right }])));
  addresses.catch(() => { addresses = undefined; });
  return addresses;
}

// The picture's address: versioned when the list has it, else the plain one (kept by no one).
async function address(id: string, foot: Foot): Promise<string> {
  const known = (await versioned().catch(() => undefined))?.get(id);
  return known?.[foot] ?? `/api/pictures/${foot === 'right' ? 'right/' : ''}${encodeURIComponent(id)}.svg`;
}

function pictureSvg(id: string, foot: Foot): Promise<string> {
  const key = `${foot} ${id}`;
  let svg = fetched.get(key);
  if (!svg) {
    svg = address(id, foot).then((path) => fetch(path))
      .then((r) => (r.ok ? r.text() : '')).then((t) => t.replace(/^<\?xml[^>]*>\s*/, ''));
    svg.catch(() => fetched.delete(key));
    fetched.set(key, svg);
  }
  return svg;
}

export function Picture({ id, foot = 'left', loop = false, thumb = false }:
  { id: string; foot?: Foot; loop?: boolean; thumb?: boolean }) {
  const [svg, setSvg] = useState('');
  useEffect(() => {
    let live = true;
    pictureSvg(id, foot).then((text) => { if (live) setSvg(text); }).catch(() => undefined);
    return () => { live = false; };
  }, [id, foot]);
  const cls = `picture${loop ? ' loop' : ''}${thumb ? ' thumb' : ''}`;
  // A thumbnail sits beside the technique's name: the words carry it.
  return <div class={cls} aria-hidden={thumb ? 'true' : undefined} dangerouslySetInnerHTML={{ __html: svg }} />;
}

// The guide's current step: its loop, big, with the foot map one tap away.
export function StepView({ id, foot, children }: { id?: string; foot?: Foot; children: ComponentChildren }) {
  const [map, setMap] = useState(false);
  if (!id) return <>{children}</>;
  return (
    <div class="step-view">
      {map ? children : <Picture id={id} foot={foot} loop />}
      <button type="button" class="link" aria-pressed={map} onClick={() => setMap(!map)}>{map ? 'Show how' : 'Show the foot map'}</button>
    </div>
  );
}
