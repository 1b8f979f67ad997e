/**
 * One self-contained HTML page per flopack (`flopack render --format html`): every flow drawn
 * with the canvas's layout, pan and zoom, a card's inputs, mappings and outputs on click,
 * links to the helper flows a card calls, light and dark themes, print-friendly. It loads
 * nothing from the network: styles and script are inline, the data is an inert JSON block,
 * and every name is escaped, so CI can attach it to a pull request.
 */
import { FLOW_KIND_LABELS, flowKind } from '../../model/flows.ts';
import type { RawMethod } from '../../model/raw.ts';
import { forEachScope } from '../../model/scope.ts';
import type { Workspace } from '../../model/workspace.ts';
import { drawFlow } from './drawing.ts';
import { escapeXml } from './escape.ts';
import { namesOf } from './names.ts';
import { ARROW_DEFS } from './svgEdges.ts';
import { drawingSvg, flowSubtitle } from './svg.ts';

/** What the page shows for a clicked card. */
interface CardDetails {
  title: string;
  app: string;
  inputs: { label: string; text: string; mapped: boolean }[];
  outputs: string[];
  calls: { id: string; name: string } | null;
}

const PAD = 16;

function outputsOf(m: RawMethod | undefined): string[] {
  if (!m) return [];
  return Object.values(m.node.model.outputs.data)
    .filter((f) => f.metadata.forceHide !== true)
    .map((f) => {
      const shown = f.metadata.displayname;
      return typeof shown === 'string' && shown !== '' ? shown : f.key;
    });
}

/** JSON that is safe inside a `<script type="application/json">` element. */
const scriptJson = (v: unknown): string =>
  JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/** Renders every flow of a workspace as one HTML document titled `title`. */
export function renderPackHtml(ws: Workspace, title: string): string {
  const names = namesOf(ws);
  const flows = Object.values(ws.flows).sort(
    (a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1),
  );
  const details: Record<string, CardDetails> = {};
  const sections: string[] = [];
  const toc: string[] = [];
  flows.forEach((flow, fi) => {
    const methods = new Map<string, RawMethod>();
    forEachScope(flow.data, (s) => s.methods.forEach((m) => methods.set(m.uuid, m)));
    const drawing = drawFlow(flow.data, names);
    const cards = drawing.nodes.filter((x) => x.face !== null);
    const w = Math.ceil(drawing.width + 2 * PAD);
    const h = Math.ceil(drawing.height + 2 * PAD);
    const hits = cards
      .map((node, ci) => {
        const key = `${fi}-${ci}`;
        const face = node.face;
        if (!face) return '';
        const calls =
          face.callsId !== null && ws.flows[face.callsId]
            ? { id: face.callsId, name: face.calls ?? face.callsId }
            : null;
        details[key] = {
          title: face.title,
          app: face.app,
          inputs: face.rows,
          outputs: outputsOf(methods.get(node.id)),
          calls,
        };
        return `<rect class="hit" data-card="${key}" x="${node.x}" y="${node.y}" width="${node.width}" height="${node.height}" rx="8" tabindex="0" role="button" aria-label="Card ${escapeXml(face.title)}"/>`;
      })
      .join('');
    const kind = FLOW_KIND_LABELS[flowKind(flow.data)];
    toc.push(
      `<li><a href="#flow-${fi}">${escapeXml(flow.name)}</a> <span class="muted">${escapeXml(kind)}</span></li>`,
    );
    sections.push(
      `<section class="flow" id="flow-${fi}" data-flow-id="${escapeXml(flow.id)}">` +
        `<h2>${escapeXml(flow.name)}</h2>` +
        `<p class="muted">${escapeXml(flowSubtitle(flow, ws, cards.length))}</p>` +
        (flow.description ? `<p>${escapeXml(flow.description)}</p>` : '') +
        `<div class="stage" role="img" aria-label="Flow ${escapeXml(flow.name)}">` +
        `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" font-family="DejaVu Sans, Verdana, Arial, sans-serif">` +
        `<defs>${ARROW_DEFS}</defs><g class="viewport"><g transform="translate(${PAD},${PAD})">${drawingSvg(drawing)}${hits}</g></g></svg>` +
        `</div></section>`,
    );
  });
  const flowIndex = Object.fromEntries(flows.map((f, i) => [f.id, `flow-${i}`]));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeXml(title)} — flows</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${escapeXml(title)}</h1><p class="muted">${flows.length} flow(s). Drag to pan, Ctrl+wheel or + / − to zoom, click a card for its inputs and outputs.</p>
<nav aria-label="Flows"><ul>${toc.join('')}</ul></nav></header>
<main>${sections.join('\n')}</main>
<aside id="details" aria-live="polite" hidden></aside>
<script type="application/json" id="flopack-data">${scriptJson({ cards: details, flows: flowIndex })}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

const CSS = `
:root{color-scheme:light dark;--bg:#f8fafc;--ink:#0f172a;--muted:#475569;--panel:#fff;--line:#cbd5e1;--accent:#2563eb}
@media (prefers-color-scheme:dark){:root{--bg:#0b1120;--ink:#e2e8f0;--muted:#94a3b8;--panel:#111827;--line:#334155;--accent:#60a5fa}}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;background:var(--bg);color:var(--ink)}
header,main{padding:0 24px}h1{font-size:22px;margin:16px 0 4px}h2{font-size:18px;margin:24px 0 2px}
.muted{color:var(--muted)}a{color:var(--accent)}nav ul{margin:4px 0;padding-left:20px}
.stage{border:1px solid var(--line);border-radius:8px;overflow:hidden;background:#f8fafc;cursor:grab;max-height:70vh;touch-action:none}
.stage svg{display:block;max-width:none}.stage.dragging{cursor:grabbing}
.hit{fill:transparent;cursor:pointer}.hit:hover,.hit:focus{fill:rgba(37,99,235,.08);stroke:#2563eb;stroke-width:2;outline:none}
.hit.selected{stroke:#2563eb;stroke-width:3}
.zoom{display:flex;gap:4px;margin:4px 0}.zoom button{min-width:32px}
#details{position:fixed;right:16px;top:16px;bottom:16px;width:min(420px,90vw);overflow:auto;background:var(--panel);color:var(--ink);border:1px solid var(--line);border-radius:10px;padding:12px 16px;box-shadow:0 8px 30px rgba(0,0,0,.25)}
#details table{border-collapse:collapse;width:100%}#details td,#details th{border-top:1px solid var(--line);padding:4px;text-align:left;vertical-align:top;word-break:break-word}
@media print{.zoom,#details,nav{display:none!important}.stage{max-height:none;overflow:visible;border:none}.stage svg{max-width:100%;height:auto}.flow{break-inside:avoid}body{background:#fff;color:#000}}
`;

const SCRIPT = `
(function(){
var data=JSON.parse(document.getElementById('flopack-data').textContent);
var panel=document.getElementById('details');
function el(tag,text){var e=document.createElement(tag);if(text!==undefined)e.textContent=text;return e;}
function show(key,hit){
  var c=data.cards[key];if(!c)return;
  document.querySelectorAll('.hit.selected').forEach(function(h){h.classList.remove('selected');});
  hit.classList.add('selected');
  panel.replaceChildren();
  var close=el('button','Close');close.type='button';close.onclick=function(){panel.hidden=true;hit.focus();};
  panel.append(close,el('h3',c.title),el('p',c.app));
  panel.append(el('h4','Inputs'));
  if(c.inputs.length===0)panel.append(el('p','None.'));else{
    var t=el('table'),hd=el('tr');hd.append(el('th','Input'),el('th','Value or mapping'));t.append(hd);
    c.inputs.forEach(function(r){var tr=el('tr');tr.append(el('td',r.label),el('td',(r.mapped?'\\u2190 ':'')+r.text));t.append(tr);});
    panel.append(t);}
  panel.append(el('h4','Outputs'));
  if(c.outputs.length===0)panel.append(el('p','None.'));else{var ul=el('ul');c.outputs.forEach(function(o){ul.append(el('li',o));});panel.append(ul);}
  if(c.calls&&data.flows[c.calls.id]){var p=el('p','Calls helper flow ');var a=el('a',c.calls.name);a.href='#'+data.flows[c.calls.id];p.append(a);panel.append(p);}
  panel.hidden=false;
}
document.querySelectorAll('.stage').forEach(function(stage){
  var svg=stage.querySelector('svg'),vp=svg.querySelector('.viewport');
  var s=1,x=0,y=0,drag=null,moved=false;
  function apply(){vp.setAttribute('transform','translate('+x+','+y+') scale('+s+')');}
  function zoom(f){s=Math.min(4,Math.max(0.2,s*f));apply();}
  var bar=document.createElement('div');bar.className='zoom';
  [['+','Zoom in',function(){zoom(1.25);}],['\\u2212','Zoom out',function(){zoom(0.8);}],['Reset','Reset view',function(){s=1;x=0;y=0;apply();}]].forEach(function(b){
    var btn=document.createElement('button');btn.type='button';btn.textContent=b[0];btn.setAttribute('aria-label',b[1]);btn.onclick=b[2];bar.append(btn);});
  stage.before(bar);
  stage.addEventListener('wheel',function(e){if(!e.ctrlKey&&!e.metaKey&&!e.altKey)return;e.preventDefault();zoom(e.deltaY<0?1.1:0.9);},{passive:false});
  stage.addEventListener('pointerdown',function(e){drag={x:e.clientX,y:e.clientY,ox:x,oy:y};moved=false;});
  window.addEventListener('pointermove',function(e){if(!drag)return;var dx=e.clientX-drag.x,dy=e.clientY-drag.y;if(Math.abs(dx)+Math.abs(dy)>3){moved=true;stage.classList.add('dragging');}x=drag.ox+dx;y=drag.oy+dy;if(moved)apply();});
  window.addEventListener('pointerup',function(){drag=null;stage.classList.remove('dragging');});
  svg.querySelectorAll('.hit').forEach(function(h){
    h.addEventListener('click',function(){if(!moved)show(h.getAttribute('data-card'),h);});
    h.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();show(h.getAttribute('data-card'),h);}});
  });
});
document.addEventListener('keydown',function(e){if(e.key==='Escape')panel.hidden=true;});
})();
`;
