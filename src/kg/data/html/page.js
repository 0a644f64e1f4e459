/* kg network page. All data is hostile text: the DOM is built with createElement and
   textContent only (never innerHTML), and vis-network gets plain-text titles. */
(function () {
  "use strict";

  var mark = window.performance && window.performance.mark ? function (name) { window.performance.mark(name); } : function () {};
  mark("kg-script");
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  mark("kg-parsed");
  var body = document.body;
  var TYPES = {}, RELS = {};
  DATA.types.forEach(function (t) { TYPES[t.key] = t; });
  DATA.relations.forEach(function (r) { RELS[r.key] = r; });
  var NODES = DATA.nodes, EDGES = DATA.edges;
  var incident = NODES.map(function () { return []; });
  EDGES.forEach(function (e) { incident[e.from].push(e); incident[e.to].push(e); });

  // drawn or not: beyond max_nodes the page carries the other entities hidden
  var shown = NODES.map(function (n) { return !n.hidden; });
  var shownTypes = {}, shownRels = {};
  DATA.types.forEach(function (t) { shownTypes[t.key] = true; });
  DATA.relations.forEach(function (r) { shownRels[r.key] = true; });

  // ------------------------------------------------------------ DOM helpers (text only)
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function byId(id) { return document.getElementById(id); }
  function typeBadge(key) {
    var t = TYPES[key], b = el("span", "badge", t.zh + " " + t.key);
    b.style.backgroundColor = t.color;
    return b;
  }
  function namesOf(node) { return [node.name].concat(node.aliases); }

  /* The text with every occurrence of the names marked: text nodes and <mark> elements. */
  function highlight(text, primary, other) {
    text = String(text || "");
    var owner = new Array(text.length);
    var all = [];
    primary.forEach(function (n) { if (n) { all.push([n, "self"]); } });
    (other || []).forEach(function (n) { if (n) { all.push([n, "other"]); } });
    all.sort(function (a, b) { return b[0].length - a[0].length; });
    all.forEach(function (pair) {
      var name = pair[0], from = 0, at;
      while ((at = text.indexOf(name, from)) !== -1) {
        var free = true, i;
        for (i = at; i < at + name.length; i++) { if (owner[i]) { free = false; break; } }
        if (free) { for (i = at; i < at + name.length; i++) { owner[i] = pair[1] + ":" + at; } }
        from = at + 1;
      }
    });
    var frag = document.createDocumentFragment(), i = 0;
    while (i < text.length) {
      var j = i + 1;
      while (j < text.length && owner[j] === owner[i]) { j++; }
      var piece = text.slice(i, j);
      if (owner[i]) {
        var m = el("mark", owner[i].indexOf("other") === 0 ? "other" : null, piece);
        frag.appendChild(m);
      } else {
        frag.appendChild(document.createTextNode(piece));
      }
      i = j;
    }
    return frag;
  }

  // ------------------------------------------------------------ header, legend, filters
  function stats() {
    var s = DATA.stats, box = byId("kg-stats");
    clear(box);
    var drawn = 0, hidden = 0, links = 0;
    shown.forEach(function (on) { if (on) { drawn++; } else { hidden++; } });
    EDGES.forEach(function (e) { if (shown[e.from] && shown[e.to]) { links++; } });
    box.appendChild(document.createTextNode(
      drawn + " 个实体 entities · " + links + " 条关系 relations"));
    if (s.query) { box.appendChild(document.createTextNode(" · 视图 view query")); }
    if (s.focus !== null) {
      box.appendChild(document.createTextNode(
        " · 焦点 focus: " + (s.focusFound.join("、") || s.focus) + "（" + s.hops + " 跳 hops）"));
    }
    if (s.types) {
      box.appendChild(document.createTextNode(" · 类型 types: " + s.types.join(", ")));
    }
    if (hidden > 0) {
      box.appendChild(document.createTextNode(" · "));
      var warn = el("span", "warn",
        "另有 " + hidden + " 个实体未显示 " + hidden + " entities not drawn (max_nodes " + s.maxNodes + ")");
      warn.title = "搜索或“显示邻居”可加入 — search, or “show neighbours” in a node's panel, draws them";
      box.appendChild(warn);
    }
    if (s.notEmbedded > 0) {
      box.appendChild(document.createTextNode(" · "));
      box.appendChild(el("span", "warn", s.notEmbedded + " entities left out of this page"));
    }
    body.setAttribute("data-kg-hidden-nodes", String(hidden));
  }
  stats();

  function checkbox(container, colorEl, zh, en, count, onChange) {
    var label = el("label", "check");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.addEventListener("change", function () { onChange(box.checked); });
    label.appendChild(box);
    label.appendChild(colorEl);
    label.appendChild(el("span", null, zh));
    label.appendChild(el("span", "en", en));
    label.appendChild(el("span", "count", count));
    if (!count) { label.className = "check empty"; }
    container.appendChild(label);
    return box;
  }
  var typeBoxes = {};
  DATA.types.forEach(function (t) {
    var dot = el("span", "dot");
    dot.style.backgroundColor = t.color;
    typeBoxes[t.key] = checkbox(byId("kg-legend"), dot, t.zh, t.key, t.count, function (on) {
      shownTypes[t.key] = on; refresh();
    });
    typeBoxes[t.key].setAttribute("data-type", t.key);
  });
  DATA.relations.forEach(function (r) {
    var bar = el("span", "bar");
    bar.style.backgroundColor = r.color;
    checkbox(byId("kg-relations"), bar, r.zh, r.key, r.count, function (on) {
      shownRels[r.key] = on; refresh();
    }).setAttribute("data-relation", r.key);
  });

  // ------------------------------------------------------------ the network
  var network = null, nodeView = null, edgeView = null;
  function nodeVisible(item) { return shown[item.id] && shownTypes[NODES[item.id].type] === true; }
  function edgeVisible(item) {
    var e = EDGES[item.id];
    return shownRels[e.rel] === true && shown[e.from] && shown[e.to] &&
      shownTypes[NODES[e.from].type] === true && shownTypes[NODES[e.to].type] === true;
  }
  function refresh() {
    if (nodeView) {
      nodeView.refresh();
      edgeView.refresh();
      body.setAttribute("data-kg-visible-nodes", String(nodeView.length));
      body.setAttribute("data-kg-visible-edges", String(edgeView.length));
    }
  }
  var progress = byId("kg-progress");
  function ready() {
    mark("kg-ready");
    progress.hidden = true;
    // time from navigation start to a drawn, still network: what the benchmark reads
    body.setAttribute("data-kg-ready-ms", String(Math.round(window.performance.now())));
    body.setAttribute("data-kg-ready", "1");
    fromHash();
  }
  if (typeof vis === "undefined" || !vis.Network) {
    progress.textContent = "vis-network failed to load";
    body.setAttribute("data-kg-ready", "error");
  } else {
    var physics = DATA.vis.options.physics.enabled;
    var nodeSet = new vis.DataSet(DATA.vis.nodes);
    var edgeSet = new vis.DataSet(DATA.vis.edges);
    nodeView = new vis.DataView(nodeSet, { filter: nodeVisible });
    edgeView = new vis.DataView(edgeSet, { filter: edgeVisible });
    body.setAttribute("data-kg-nodes", String(nodeSet.length));
    body.setAttribute("data-kg-edges", String(edgeSet.length));
    mark("kg-datasets");
    network = new vis.Network(byId("kg-network"), { nodes: nodeView, edges: edgeView }, DATA.vis.options);
    mark("kg-network");
    window.kgNetwork = network;  // for the browser tests and the console
    refresh();
    if (nodeSet.length === 0) {
      progress.textContent = "没有实体 no entities";
      body.setAttribute("data-kg-ready", "1");
    } else if (!physics) {
      // the layout came with the data: ready once it is drawn
      network.once("afterDrawing", function () { window.setTimeout(ready, 0); });
    } else {
      network.on("stabilizationProgress", function (p) {
        progress.textContent = "布局中 laying out… " + Math.round(100 * p.iterations / p.total) + "%";
      });
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: { enabled: false } });
        ready();
      });
    }
    network.on("click", function (params) {
      if (params.nodes.length) { showNode(params.nodes[0]); }
      else if (params.edges.length) { showEdge(params.edges[0]); }
      else { hidePanel(); }
    });
  }

  // ------------------------------------------------------------ labels of large networks
  /* Measuring ten thousand labels costs more than drawing the network, and they are too small
     to read until one zooms in: a large page labels the nodes in view once they are readable. */
  var LABEL_MAX = 18, labelled = {};
  function shortName(name) { return name.length <= LABEL_MAX ? name : name.slice(0, LABEL_MAX - 1) + "\u2026"; }
  function labelNodes(ids) {
    var updates = [];
    ids.forEach(function (id) {
      if (!labelled[id]) { labelled[id] = true; updates.push({ id: id, label: shortName(NODES[id].name) }); }
    });
    if (updates.length && network) { nodeSet.update(updates); }
  }
  var labelTimer = null;
  function labelInView() {
    labelTimer = null;
    if (!network || network.getScale() < 0.3) { return; }
    var box = byId("kg-network"), margin = 60;
    var a = network.DOMtoCanvas({ x: -margin, y: -margin });
    var b = network.DOMtoCanvas({ x: box.clientWidth + margin, y: box.clientHeight + margin });
    var positions = network.getPositions(), inView = [];
    Object.keys(positions).forEach(function (key) {
      var p = positions[key];
      if (p.x >= a.x && p.x <= b.x && p.y >= a.y && p.y <= b.y) { inView.push(Number(key)); }
    });
    if (inView.length <= 3000) { labelNodes(inView); }
  }
  function labelSoon() { if (DATA.stats.lazyLabels && labelTimer === null) { labelTimer = window.setTimeout(labelInView, 120); } }
  if (network && DATA.stats.lazyLabels) {
    ["zoom", "dragEnd", "animationFinished"].forEach(function (name) { network.on(name, labelSoon); });
  }

  // ------------------------------------------------------------ side panel
  var panel = byId("kg-panel");
  function hidePanel() { panel.hidden = true; clear(panel); }
  function panelHead(badge, title, sub) {
    clear(panel);
    var head = el("div", "head");
    var left = el("div");
    left.style.flex = "1";
    left.appendChild(badge);
    left.appendChild(el("h2", null, title));
    if (sub) { left.appendChild(el("div", "iri", sub)); }
    head.appendChild(left);
    var close = el("button", null, "×");
    close.id = "kg-close";
    close.type = "button";
    close.title = "close";
    close.addEventListener("click", function () {
      hidePanel();
      if (network) { network.unselectAll(); }
    });
    head.appendChild(close);
    panel.appendChild(head);
    panel.hidden = false;
    panel.scrollTop = 0;
  }
  function articleLine(a) {
    var parts = [];
    if (a.source) { parts.push(a.source); }
    if (a.date) { parts.push(a.date); }
    if (a.authors && a.authors.length) { parts.push(a.authors.join("、")); }
    return parts.join(" · ");
  }
  function evidenceBlock(ev, primary, other) {
    var s = DATA.sentences[ev.sentence];
    var q = el("blockquote");
    q.appendChild(highlight(s.text, primary, other));
    var meta = [];
    if (s.article !== null && s.article !== undefined) {
      var a = DATA.articles[s.article];
      meta.push("《" + (a.headline || a.file || "?") + "》" + (articleLine(a) ? " " + articleLine(a) : ""));
    }
    if (ev.by) { meta.push(ev.by); }
    if (ev.confidence !== null && ev.confidence !== undefined) { meta.push("置信度 " + ev.confidence); }
    if (meta.length) { q.appendChild(el("span", "meta", meta.join(" · "))); }
    return q;
  }
  function relationTitle(e, node) {
    var r = RELS[e.rel], outgoing = e.from === node.id;
    var otherNode = NODES[outgoing ? e.to : e.from];
    var title = el("div", "title");
    title.appendChild(el("span", null, outgoing ? "→" : "←"));
    var rel = el("span", null, r.zh + " " + r.key);
    rel.style.color = r.color;
    rel.style.fontWeight = "600";
    title.appendChild(rel);
    if (e.roles.length) { title.appendChild(el("span", null, "（" + e.roles.join("、") + "）")); }
    var jump = el("button", "link", otherNode.name);
    jump.type = "button";
    jump.addEventListener("click", function () { select(otherNode.id); });
    title.appendChild(jump);
    var dot = el("span", "dot");
    dot.style.backgroundColor = TYPES[otherNode.type].color;
    title.appendChild(dot);
    return title;
  }
  function showNode(id) {
    var node = NODES[id];
    if (!node) { return; }
    panelHead(typeBadge(node.type), node.name, node.iri);
    panel.setAttribute("data-node", String(id));
    if (node.aliases.length) {
      panel.appendChild(el("h3", null, "别名 aliases"));
      panel.appendChild(el("div", null, node.aliases.join("、")));
    }
    if (node.facts.length) {
      panel.appendChild(el("h3", null, "数值 facts"));
      var fl = el("ul");
      node.facts.forEach(function (f) {
        var li = el("li", null, (f.name || "?") + "：" + (f.written || ""));
        if (f.value !== null && f.value !== undefined) {
          li.appendChild(el("span", "muted", "（" + f.value + (f.unit ? " " + f.unit : "") + "）"));
        }
        fl.appendChild(li);
      });
      panel.appendChild(fl);
    }
    panel.appendChild(el("h3", null, "提及报道 articles (" + node.articles.length + ")"));
    if (!node.articles.length) { panel.appendChild(el("div", "muted", "—")); }
    var al = el("ul");
    node.articles.forEach(function (ai) {
      var a = DATA.articles[ai], li = el("li");
      li.appendChild(el("div", null, a.headline || a.file || "?"));
      var line = articleLine(a);
      if (line) { li.appendChild(el("div", "muted", line)); }
      al.appendChild(li);
    });
    panel.appendChild(al);
    var edges = incident[id];
    var hiddenNext = hiddenNeighbours(id);
    if (hiddenNext.length) {
      var expand = el("button", "expand", "显示邻居 show neighbours (+" + hiddenNext.length + ")");
      expand.type = "button";
      expand.id = "kg-expand";
      expand.addEventListener("click", function () { showNeighbours(id); });
      panel.appendChild(expand);
    }
    panel.appendChild(el("h3", null, "关系 relations (" + edges.length + ")"));
    if (!edges.length) { panel.appendChild(el("div", "muted", "—")); }
    edges.forEach(function (e) {
      var box = el("div", "rel");
      box.appendChild(relationTitle(e, node));
      var other = NODES[e.from === id ? e.to : e.from];
      e.evidence.forEach(function (ev) { box.appendChild(evidenceBlock(ev, namesOf(node), namesOf(other))); });
      if (!e.evidence.length) { box.appendChild(el("div", "muted", "无证据句 no evidence sentence")); }
      panel.appendChild(box);
    });
  }
  // ------------------------------------------------------------ hidden entities
  function hiddenNeighbours(id) {
    var out = [], seen = {};
    incident[id].forEach(function (e) {
      var other = e.from === id ? e.to : e.from;
      if (!shown[other] && !seen[other]) { seen[other] = true; out.push(other); }
    });
    return out;
  }
  /* Draw hidden entities on a ring around a drawn one (or the middle of the view). */
  function reveal(ids, around) {
    if (!ids.length) { return; }
    var centre = null;
    if (network && around !== null && around !== undefined && shown[around]) {
      centre = network.getPosition(around);
    } else if (network) {
      centre = network.getViewPosition();
    } else {
      centre = { x: 0, y: 0 };
    }
    var radius = 110 + 14 * Math.sqrt(ids.length), turn = 2 * Math.PI / ids.length;
    var updates = ids.map(function (n, i) {
      shown[n] = true;
      return { id: n, x: centre.x + radius * Math.cos(i * turn + 0.3), y: centre.y + radius * Math.sin(i * turn + 0.3) };
    });
    if (network) {
      nodeSet.update(updates);
      if (DATA.stats.lazyLabels) { labelNodes(ids); }
    }
    refresh();
    stats();
  }
  function showNeighbours(id) {
    reveal(hiddenNeighbours(id), id);
    showNode(id);
    if (network) {
      network.selectNodes([id]);
      network.fit({ nodes: [id].concat(incident[id].map(function (e) { return e.from === id ? e.to : e.from; })
        .filter(function (n) { return shown[n]; })), animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    }
  }

  function showEdge(id) {
    var e = EDGES[id];
    if (!e) { return; }
    var r = RELS[e.rel], a = NODES[e.from], b = NODES[e.to];
    var badge = el("span", "badge", r.zh + " " + r.key);
    badge.style.backgroundColor = r.color;
    panelHead(badge, a.name + " → " + b.name + (e.roles.length ? "（" + e.roles.join("、") + "）" : ""), null);
    panel.removeAttribute("data-node");
    [a, b].forEach(function (n) {
      var jump = el("button", "link", n.name);
      jump.type = "button";
      jump.addEventListener("click", function () { select(n.id); });
      var line = el("div");
      line.appendChild(typeBadge(n.type));
      line.appendChild(document.createTextNode(" "));
      line.appendChild(jump);
      panel.appendChild(line);
    });
    panel.appendChild(el("h3", null, "证据句 evidence (" + e.evidence.length + ")"));
    if (!e.evidence.length) { panel.appendChild(el("div", "muted", "—")); }
    e.evidence.forEach(function (ev) { panel.appendChild(evidenceBlock(ev, namesOf(a), namesOf(b))); });
  }

  // ------------------------------------------------------------ search
  var input = byId("kg-search"), results = byId("kg-results"), active = -1, hits = [];
  function search(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return []; }
    var found = [];
    NODES.forEach(function (n) {
      var names = namesOf(n), best = null;
      names.forEach(function (name) {
        var low = name.toLowerCase(), at = low.indexOf(q);
        if (at === -1) { return; }
        var score = low === q ? 0 : at === 0 ? 1 : 2;
        if (best === null || score < best.score) { best = { score: score, name: name }; }
      });
      if (best) { found.push({ node: n, score: best.score, matched: best.name }); }
    });
    found.sort(function (x, y) {
      return x.score - y.score || y.node.degree - x.node.degree || (x.node.name < y.node.name ? -1 : x.node.name > y.node.name ? 1 : 0);
    });
    return found;
  }
  function showResults() {
    clear(results);
    active = -1;
    hits = search(input.value).slice(0, 20);
    if (!input.value.trim()) { return; }
    if (!hits.length) { results.appendChild(el("li", "none", "无结果 no match")); return; }
    hits.forEach(function (h, i) {
      var li = el("li"), b = el("button");
      b.type = "button";
      var dot = el("span", "dot");
      dot.style.backgroundColor = TYPES[h.node.type].color;
      b.appendChild(dot);
      b.appendChild(el("span", null, h.node.name));
      if (h.matched !== h.node.name) { b.appendChild(el("span", "alias", "（" + h.matched + "）")); }
      b.appendChild(el("span", "alias", TYPES[h.node.type].zh));
      if (!shown[h.node.id]) { b.appendChild(el("span", "alias", "未显示 hidden")); }
      b.addEventListener("click", function () { pick(i); });
      li.appendChild(b);
      results.appendChild(li);
    });
  }
  function markActive() {
    Array.prototype.forEach.call(results.querySelectorAll("button"), function (b, i) {
      b.className = i === active ? "active" : "";
    });
  }
  function pick(i) {
    var h = hits[i];
    if (!h) { return; }
    clear(results);
    input.value = h.node.name;
    select(h.node.id);
  }
  function select(id) {
    var node = NODES[id];
    if (!shown[id]) {
      // a hidden entity: draw it beside a drawn neighbour, if it has one
      var near = null;
      incident[id].forEach(function (e) {
        var other = e.from === id ? e.to : e.from;
        if (near === null && shown[other]) { near = other; }
      });
      reveal([id], near);
    }
    if (!shownTypes[node.type]) { typeBoxes[node.type].checked = true; shownTypes[node.type] = true; refresh(); }
    showNode(id);
    if (network) {
      network.selectNodes([id]);
      // after the panel has taken its room
      window.requestAnimationFrame(function () {
        network.redraw();
        network.focus(id, { scale: 1.0, animation: { duration: 400, easingFunction: "easeInOutQuad" } });
      });
    }
  }
  input.addEventListener("input", showResults);
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") { active = Math.min(active + 1, hits.length - 1); markActive(); ev.preventDefault(); }
    else if (ev.key === "ArrowUp") { active = Math.max(active - 1, 0); markActive(); ev.preventDefault(); }
    else if (ev.key === "Enter") { if (!hits.length) { showResults(); } pick(active >= 0 ? active : 0); }
    else if (ev.key === "Escape") { clear(results); }
  });
  document.addEventListener("click", function (ev) {
    if (!results.contains(ev.target) && ev.target !== input) { clear(results); }
  });

  // #focus=NAME in the address selects that entity when the layout is done
  function fromHash() {
    var m = /^#focus=(.*)$/.exec(window.location.hash || "");
    if (!m) {
      // rendered with focus=: select the entities it named
      var ids = DATA.stats.focusIds || [];
      if (ids.length) {
        showNode(ids[0]);
        if (network) { network.selectNodes(ids); }
      }
      return;
    }
    var name;
    try { name = decodeURIComponent(m[1]); } catch (err) { return; }
    var found = search(name);
    if (found.length) { select(found[0].node.id); }
  }
  window.addEventListener("hashchange", fromHash);
})();
