"""An interactive network in one HTML file that works offline: vis-network (bundled by the pyvis
package, inlined here), the view's data, and a panel that shows a clicked tie's evidence.

Nothing is fetched: the JavaScript and CSS are inside the file, and the page links to no
script, style, font or image elsewhere (source addresses are shown as text). Data goes into the
page as JSON with ``<``, ``>``, ``&`` and the JavaScript line separators escaped, so a name or
quote holding ``</script>`` stays text; the panel writes with ``textContent``, never HTML.

>>> write_html(view, Path("korea.html"), DrawOptions())  # doctest: +SKIP
"""

from __future__ import annotations

import html
import importlib.util
import json
import math
from pathlib import Path
from typing import Any

from graph.export.base import ExportView, ProgressFn, no_progress
from graph.export.diagram import label_text, node_areas
from graph.export.layout import positions
from graph.export.options import DrawOptions
from graph.export.palette import KIND_COLOURS, RELATIONSHIP_STYLES
from graph.export.records import evidence_json
from graph.model import EntityKind

VIS_VERSION = "vis-9.1.2"
SHAPES = {
    EntityKind.COMPANY: "dot",
    EntityKind.GOVERNMENT_BODY: "square",
    EntityKind.RESEARCH_INSTITUTE: "diamond",
    EntityKind.UNIVERSITY: "triangle",
    EntityKind.CLUSTER: "hexagon",
    EntityKind.CONSORTIUM: "star",
    EntityKind.PROGRAMME: "triangleDown",
    EntityKind.PERSON: "dot",
    EntityKind.PLACE: "box",
}
_DASHES = {"solid": False, "dashed": [8, 5], "dotted": [2, 4], "dashdot": [8, 4, 2, 4]}
_SCRIPT_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def vis_assets() -> tuple[str, str]:
    """(JavaScript, CSS) of vis-network as the pyvis package ships them."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or spec.origin is None:
        raise RuntimeError("pyvis is not installed: it provides vis-network for the HTML export")
    folder = Path(spec.origin).parent / "lib" / VIS_VERSION
    return (
        (folder / "vis-network.min.js").read_text(encoding="utf-8"),
        (folder / "vis-network.css").read_text(encoding="utf-8"),
    )


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element.

    >>> script_json({"q": "</script>"})
    '{"q": "\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False)
    for char, escaped in _SCRIPT_SAFE.items():
        text = text.replace(char, escaped)
    return text


def network_data(view: ExportView, options: DrawOptions) -> dict[str, Any]:
    """Nodes and edges as vis-network takes them, placed by the diagram's seeded layout."""
    projection = view.projection
    placed, _ = positions(projection, options)
    areas = node_areas(projection, options)
    scale = 120.0
    nodes = []
    for node, entity in projection.entities.items():
        x, y = placed[node]
        nodes.append(
            {
                "id": node,
                "label": label_text(entity, options),
                "title": f"{entity.name} ({entity.kind.value})",
                "x": round(x * scale, 2),
                "y": round(-y * scale, 2),
                "shape": SHAPES[entity.kind],
                "size": round(4 + math.sqrt(areas[node]) * 0.6, 2),
                "color": KIND_COLOURS[entity.kind],
                "details": {
                    "name": entity.name,
                    "kind": entity.kind.value,
                    "aliases": entity.aliases,
                    "country": entity.country,
                    "sectors": entity.sectors,
                    "description": entity.description,
                    "website": entity.website,
                },
            }
        )
    edges = []
    for key, rel in projection.relationships.items():
        colour, style = RELATIONSHIP_STYLES[rel.kind]
        edges.append(
            {
                "id": key,
                "from": rel.source,
                "to": rel.target,
                "title": f"{rel.kind.value} · {len(rel.evidence)} source(s)",
                "color": colour,
                "dashes": _DASHES[style],
                "arrows": "" if rel.kind.symmetric else "to",
                "details": {
                    "kind": rel.kind.value,
                    "source": projection.entities[rel.source].name,
                    "target": projection.entities[rel.target].name,
                    "status": rel.status.value,
                    "since": rel.since.isoformat() if rel.since else None,
                    "until": rel.until.isoformat() if rel.until else None,
                    "amount": f"{rel.amount:,.0f} {rel.currency or ''}".strip()
                    if rel.amount is not None
                    else None,
                    "note": rel.note,
                    "evidence": evidence_json(rel.evidence, projection.sources),
                },
            }
        )
    return {"nodes": nodes, "edges": edges}


def write_html(
    view: ExportView, path: Path, options: DrawOptions, progress: ProgressFn = no_progress
) -> None:
    """Write the page: one file, no network needed to open it."""
    progress("layout", 0, 1)
    data = network_data(view, options)
    progress("layout", 1, 1)
    script, style = vis_assets()
    provenance = view.provenance
    title = options.title or f"Consortium network: {provenance.description}"
    legend = "".join(
        f'<span class="kind"><i style="background:{KIND_COLOURS[kind]}"></i>{html.escape(kind.value)}</span>'
        for kind in EntityKind
        if any(e.kind is kind for e in view.projection.entities.values())
    )
    footer = (
        f"Made {provenance.made_at.date().isoformat()} from {provenance.store} · "
        f"view: {provenance.description} · "
        f"{provenance.sources_line(limit=len(provenance.sources) or 1)}"
    )
    page = _TEMPLATE.format(
        title=html.escape(title),
        subtitle=html.escape(f"{provenance.entities} stakeholders, {provenance.relationships} ties"),
        legend=legend,
        footer=html.escape(footer),
        style=style.replace("</", "<\\/"),
        script=script.replace("</script", "<\\/script"),
        data=script_json(data),
        provenance=script_json(provenance.model_dump(mode="json")),
    )
    path.write_text(page, encoding="utf-8")


_TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{style}</style>
<style>
body {{ margin: 0; color: #222;
  font-family: "Noto Sans KR", "Malgun Gothic", "Apple SD Gothic Neo", sans-serif; }}
header {{ padding: 10px 16px 4px; }} h1 {{ font-size: 20px; margin: 0; }}
.sub {{ color: #555; font-size: 13px; }}
.kind {{ margin-right: 12px; font-size: 12px; }} .kind i {{ display: inline-block; width: 10px; height: 10px;
  margin-right: 4px; border-radius: 2px; }}
main {{ display: flex; height: calc(100vh - 120px); }}
#network {{ flex: 1; border-top: 1px solid #ddd; }}
#panel {{ width: 340px; overflow: auto; padding: 10px 14px;
  border-left: 1px solid #ddd; border-top: 1px solid #ddd;
  font-size: 13px; }}
#panel blockquote {{ margin: 6px 0; padding-left: 8px; border-left: 3px solid #ccc; white-space: pre-wrap; }}
footer {{ font-size: 11px; color: #555; padding: 4px 16px; }}
</style></head>
<body>
<header><h1>{title}</h1><div class="sub">{subtitle} · click a stakeholder or a tie for its sources</div>
<div>{legend}</div></header>
<main><div id="network"></div><aside id="panel">Click a tie to see the evidence for it.</aside></main>
<footer>{footer}</footer>
<script>{script}</script>
<script id="ckg-data" type="application/json">{data}</script>
<script id="ckg-provenance" type="application/json">{provenance}</script>
<script>
(function () {{
  var data = JSON.parse(document.getElementById("ckg-data").textContent);
  var nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
  var network = new vis.Network(document.getElementById("network"), {{nodes: nodes, edges: edges}}, {{
    physics: false, interaction: {{hover: true, tooltipDelay: 150}},
    nodes: {{font: {{size: 12}}, borderWidth: 1}}, edges: {{smooth: {{type: "continuous"}}, width: 1.4}}
  }});
  var panel = document.getElementById("panel");
  function add(tag, text, parent) {{
    var element = document.createElement(tag);
    element.textContent = text;
    (parent || panel).appendChild(element);
    return element;
  }}
  function field(label, value) {{
    if (value === null || value === undefined || value === "" || (value.length === 0)) return;
    add("div", label + ": " + (Array.isArray(value) ? value.join(", ") : value));
  }}
  network.on("click", function (event) {{
    panel.replaceChildren();
    if (event.nodes.length) {{
      var n = nodes.get(event.nodes[0]).details;
      add("h3", n.name); field("kind", n.kind); field("also called", n.aliases); field("country", n.country);
      field("sectors", n.sectors); field("website", n.website); if (n.description) add("p", n.description);
    }} else if (event.edges.length) {{
      var e = edges.get(event.edges[0]).details;
      add("h3", e.source + " " + e.kind + " " + e.target); field("status", e.status); field("since", e.since);
      field("until", e.until); field("amount", e.amount); field("note", e.note);
      add("h4", "Evidence (" + e.evidence.length + ")");
      e.evidence.forEach(function (item) {{
        if (item.quote) add("blockquote", item.quote);
        var where = [item.title || item.source, item.locator, item.published, item.url];
        add("div", where.filter(Boolean).join(" · "));
      }});
    }} else {{
      add("div", "Click a tie to see the evidence for it.");
    }}
  }});
}})();
</script>
</body></html>
"""
