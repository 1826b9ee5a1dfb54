// A technique's picture, drawn by the server (GET /api/pictures/ID.svg) and
// put into the page as SVG, so the stylesheet can fit it to dark mode and
// play its loop (.picture.loop) unless the reader asked for reduced motion,
// where the still picture with its key frames stays.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const fetched = new Map<string, Promise<string>>();

function pictureSvg(id: string, foot: 'left' | 'right'): Promise<string> {
  const path = `/api/pictures/${foot === 'right' ? 'right/' : ''}${encodeURIComponent(id)}.svg`;
  let svg = fetched.get(path);
  if (!svg) {
    svg = fetch(path).then((r) => (r.ok ? r.text() : '')).then((t) => t.replace(/^<\?xml[^>]*>\s*/, ''));
    svg.catch(() => fetched.delete(path));
    fetched.set(path, svg);
  }
  return svg;
}

export function Picture({ id, foot = 'left', loop = false, thumb = false }:
  { id: string; foot?: 'left' | 'right'; loop?: boolean; thumb?: boolean }) {
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
export function StepView({ id, foot, children }: { id?: string; foot?: 'left' | 'right'; children: ComponentChildren }) {
  const [map, setMap] = useState(false);
  if (!id) return <>{children}</>;
  return (
    <div class="step-view">
      {map ? children : <Picture id={id} foot={foot} loop />}
      <button type="button" class="link" aria-pressed={map} onClick={() => setMap(!map)}>{map ? 'Show how' : 'Show the foot map'}</button>
    </div>
  );
}
