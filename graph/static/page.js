/* vanban graph page: reads the graph from the JSON block, lays it out, draws it in SVG,
 * and answers search and clicks. Every string from the data is set with textContent or
 * setAttribute, never parsed as HTML. Nothing is fetched. */
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg"; // the SVG namespace name (an identifier, never fetched)
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var svg = document.getElementById("graph");
  var edgeLayer = document.getElementById("edges");
  var nodeLayer = document.getElementById("nodes");
  var details = document.getElementById("details");
  var searchBox = document.getElementById("search");
  var resultsList = document.getElementById("results");
  var statusLine = document.getElementById("status");

  var nodes = data.nodes;
  var edges = data.edges;
  var byId = {};
  nodes.forEach(function (n) { byId[n.id] = n; n.out = []; n["in"] = []; });
  edges.forEach(function (e) { byId[e.source].out.push(e); byId[e.target]["in"].push(e); });
  var shownKinds = {};
  data.kinds.forEach(function (k) { shownKinds[k.kind] = k.shown; });
  var docColors = {};
  data.doc_types.forEach(function (t) { docColors[t.code === null ? "" : t.code] = t.color; });
  var relationColors = {};
  data.relation_types.forEach(function (t) { relationColors[t.type] = t.color; });
  var KIND_COLORS = { text: "#d9d9d9", person: "#f7c6a3", organization: "#c9e3c0", post: "#e6d3f0" };

  // --- small helpers ------------------------------------------------------------------

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function svgEl(tag, attrs) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    return node;
  }

  /** Lower case without tone marks, so "quy dinh" finds "Quy định" and "dhd" finds nothing odd. */
  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  function hash(text) { // FNV-1a: a stable seed per node id
    var h = 2166136261;
    for (var i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 16777619); }
    return h >>> 0;
  }

  function nodeRadius(n) {
    if (n.kind === "document") { return 7 + 4 * Math.sqrt(n.attrs.cited_by || 0); }
    return n.kind === "text" ? 6 : 5;
  }

  function nodeColor(n) {
    if (n.kind === "document") { return docColors[n.attrs.doc_type || ""] || "#999999"; }
    return KIND_COLORS[n.kind] || "#cccccc";
  }

  function edgeColor(e) {
    return e.kind === "relation" ? (relationColors[e.type] || "#555555") : "#b8b8b8";
  }

  // --- layout: a deterministic force-directed layout, documents layered by what they rest on --

  var LAYER_GAP = 160, BAND = 30;
  var MAX_LAYERED_DOCUMENTS = 200; // beyond this, rows of documents get too wide: plain force layout
  var MAX_LABELS = 60;             // on a large drawing only the most cited documents keep a label
  var REST_TYPES = { based_on: true, implements: true };

  function labelWidth(n) { return 6.5 * shortLabel(n).length; }

  function spreadLayers(layers) {
    // documents of one layer in x order, each clear of its left neighbour's label; the layer keeps its centre
    Object.keys(layers).forEach(function (level) {
      var row = layers[level].sort(function (a, b) { return a.x - b.x; });
      var before = 0, after = 0;
      row.forEach(function (n, i) {
        before += n.x;
        if (i > 0) {
          var left = row[i - 1];
          n.x = Math.max(n.x, left.x + nodeRadius(left) + labelWidth(left) + nodeRadius(n) + 14);
        }
        after += n.x;
      });
      var shift = (after - before) / row.length;
      row.forEach(function (n) { n.x -= shift; });
    });
  }

  function documentLevels(visible) {
    // level 0: rests on nothing; a document sits one level below the highest it rests on
    var level = {};
    visible.forEach(function (n) { if (n.kind === "document") { level[n.id] = 0; } });
    for (var round = 0; round < 12; round++) {
      var changed = false;
      edges.forEach(function (e) {
        if (e.kind === "relation" && REST_TYPES[e.type] && e.source in level && e.target in level) {
          var wanted = Math.min(level[e.target] + 1, 12);
          if (level[e.source] < wanted) { level[e.source] = wanted; changed = true; }
        }
      });
      if (!changed) { break; }
    }
    return level;
  }

  function layout(visible, visibleEdges) {
    var count = visible.length;
    if (!count) { return; }
    var documents = visible.filter(function (n) { return n.kind === "document"; });
    var levels = documents.length <= MAX_LAYERED_DOCUMENTS ? documentLevels(visible) : {};
    var spread = 60 * Math.sqrt(count) + 100;
    visible.forEach(function (n) {
      var h = hash(n.id);
      n.x = ((h & 0xffff) / 0xffff - 0.5) * spread;
      n.y = n.id in levels ? levels[n.id] * LAYER_GAP : (((h >>> 16) / 0xffff) - 0.5) * spread;
      n.dx = 0; n.dy = 0;
    });
    var k = 70, cell = 3 * k;
    var iterations = count > 2000 ? 60 : count > 500 ? 150 : 300;
    var index = {};
    visible.forEach(function (n, i) { index[n.id] = i; });
    var layers = {};
    visible.forEach(function (n) { if (n.id in levels) { (layers[levels[n.id]] = layers[levels[n.id]] || []).push(n); } });
    var springs = visibleEdges.map(function (e) { return [visible[index[e.source]], visible[index[e.target]], e]; });
    for (var it = 0; it < iterations; it++) {
      var temperature = 40 * (1 - it / iterations) + 1;
      var grid = {};
      visible.forEach(function (n) {
        n.dx = 0; n.dy = 0;
        var key = Math.floor(n.x / cell) + "," + Math.floor(n.y / cell);
        (grid[key] = grid[key] || []).push(n);
      });
      visible.forEach(function (a) { // repulsion from nodes in the nine neighbouring cells
        var cx = Math.floor(a.x / cell), cy = Math.floor(a.y / cell);
        for (var gx = cx - 1; gx <= cx + 1; gx++) {
          for (var gy = cy - 1; gy <= cy + 1; gy++) {
            var bucket = grid[gx + "," + gy];
            if (!bucket) { continue; }
            for (var j = 0; j < bucket.length; j++) {
              var b = bucket[j];
              if (b === a) { continue; }
              var ddx = a.x - b.x, ddy = a.y - b.y;
              var d2 = ddx * ddx + ddy * ddy;
              if (d2 < 0.01) { ddx = (hash(a.id) % 7) - 3 + 0.5; ddy = 1; d2 = ddx * ddx + 1; }
              var force = (k * k) / d2;
              a.dx += ddx * force; a.dy += ddy * force;
            }
          }
        }
      });
      springs.forEach(function (s) { // attraction along edges
        var a = s[0], b = s[1];
        var ddx = a.x - b.x, ddy = a.y - b.y;
        var d = Math.sqrt(ddx * ddx + ddy * ddy) || 0.1;
        var strength = s[2].kind === "relation" ? 1 : 0.5;
        var force = strength * d / k;
        a.dx -= ddx * force; a.dy -= ddy * force;
        b.dx += ddx * force; b.dy += ddy * force;
      });
      visible.forEach(function (n) {
        n.dx -= n.x * 0.02; // gravity keeps parts of the graph together
        if (!(n.id in levels)) { n.dy -= n.y * 0.02; }
        var len = Math.sqrt(n.dx * n.dx + n.dy * n.dy) || 1;
        var step = Math.min(len, temperature);
        n.x += n.dx / len * step;
        n.y += n.dy / len * step;
        if (n.id in levels) { // a document stays in the band of its layer
          var middle = levels[n.id] * LAYER_GAP;
          n.y = Math.max(middle - BAND, Math.min(middle + BAND, n.y));
        }
      });
      spreadLayers(layers);
    }
  }

  // --- drawing -------------------------------------------------------------------------

  var view = { x: 0, y: 0, w: 100, h: 100 };

  function setView() {
    svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" "));
  }

  function fitView(list) {
    if (!list.length) { view = { x: -100, y: -100, w: 200, h: 200 }; setView(); return; }
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    list.forEach(function (n) {
      minX = Math.min(minX, n.x); maxX = Math.max(maxX, n.x);
      minY = Math.min(minY, n.y); maxY = Math.max(maxY, n.y);
    });
    var pad = 80;
    var box = svg.getBoundingClientRect();
    var aspect = box.width && box.height ? box.width / box.height : 1.5;
    var w = Math.max(maxX - minX + 2 * pad, 600), h = Math.max(maxY - minY + 2 * pad, 400);
    if (w / h < aspect) { w = h * aspect; } else { h = w / aspect; }
    view = { x: (minX + maxX) / 2 - w / 2, y: (minY + maxY) / 2 - h / 2, w: w, h: h };
    setView();
  }

  function shape(n) {
    var r = nodeRadius(n), fill = nodeColor(n);
    if (n.kind === "document") { return svgEl("circle", { r: r, fill: fill, "class": "shape" }); }
    if (n.kind === "person") {
      return svgEl("polygon", { points: [0, -r - 1, r + 1, 0, 0, r + 1, -r - 1, 0].join(" "), fill: fill, "class": "shape" });
    }
    if (n.kind === "text") { return svgEl("rect", { x: -r, y: -r, width: 2 * r, height: 2 * r, rx: 2, fill: fill, "class": "shape" }); }
    return svgEl("rect", { x: -r, y: -r * 0.7, width: 2 * r, height: 1.4 * r, fill: fill, "class": "shape" });
  }

  function shortLabel(n) {
    var text = n.label || n.id;
    if (n.kind !== "document" && text.length > 28) { text = text.slice(0, 27) + "…"; }
    return text;
  }

  function edgePath(e) {
    var a = byId[e.source], b = byId[e.target];
    var dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
    var rb = nodeRadius(b) + 3, ra = nodeRadius(a);
    // parallel edges between one pair bend apart
    var bend = e.parallel ? (e.parallel % 2 ? 1 : -1) * Math.ceil(e.parallel / 2) * 22 : 0;
    var mx = (a.x + b.x) / 2 - dy / d * bend, my = (a.y + b.y) / 2 + dx / d * bend;
    var sx = a.x + (mx - a.x) / (Math.sqrt((mx - a.x) * (mx - a.x) + (my - a.y) * (my - a.y)) || 1) * ra;
    var sy = a.y + (my - a.y) / (Math.sqrt((mx - a.x) * (mx - a.x) + (my - a.y) * (my - a.y)) || 1) * ra;
    var tl = Math.sqrt((b.x - mx) * (b.x - mx) + (b.y - my) * (b.y - my)) || 1;
    var tx = b.x - (b.x - mx) / tl * rb, ty = b.y - (b.y - my) / tl * rb;
    return "M" + sx.toFixed(1) + "," + sy.toFixed(1) + " Q" + mx.toFixed(1) + "," + my.toFixed(1) +
      " " + tx.toFixed(1) + "," + ty.toFixed(1);
  }

  function markers() {
    var defs = svgEl("defs");
    Object.keys(relationColors).concat(["other"]).forEach(function (type) {
      var marker = svgEl("marker", { id: "arrow-" + type, viewBox: "0 0 10 10", refX: 9, refY: 5,
        markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" });
      marker.appendChild(svgEl("path", { d: "M0,0 L10,5 L0,10 z", fill: relationColors[type] || "#b8b8b8" }));
      defs.appendChild(marker);
    });
    svg.insertBefore(defs, svg.firstChild);
  }

  var visibleNodes = [], visibleEdges = [];

  function draw() {
    visibleNodes = nodes.filter(function (n) { return shownKinds[n.kind]; });
    var shown = {};
    visibleNodes.forEach(function (n) { shown[n.id] = true; });
    visibleEdges = edges.filter(function (e) { return shown[e.source] && shown[e.target]; });
    var pairs = {};
    visibleEdges.forEach(function (e) {
      var pair = e.source < e.target ? e.source + "\u0000" + e.target : e.target + "\u0000" + e.source;
      e.parallel = pairs[pair] || 0;
      pairs[pair] = e.parallel + 1;
    });
    layout(visibleNodes, visibleEdges);
    var labelled = {};
    var ranked = visibleNodes.length <= 300 ? visibleNodes : visibleNodes
      .filter(function (n) { return n.kind === "document"; })
      .sort(function (a, b) { return (b.attrs.cited_by || 0) - (a.attrs.cited_by || 0); }).slice(0, MAX_LABELS);
    ranked.forEach(function (n) { labelled[n.id] = true; });
    edgeLayer.textContent = "";
    nodeLayer.textContent = "";
    visibleEdges.forEach(function (e) {
      var g = svgEl("g", { "class": "edge kind-" + e.kind, "data-id": e.id, "data-kind": e.kind, "data-type": e.type });
      var d = edgePath(e);
      g.appendChild(svgEl("path", { d: d, "class": "hit" }));
      var line = svgEl("path", { d: d, "class": "line", stroke: edgeColor(e),
        "marker-end": "url(#arrow-" + (e.kind === "relation" && relationColors[e.type] ? e.type : "other") + ")" });
      g.appendChild(line);
      var tip = svgEl("title");
      tip.textContent = e.type + ": " + byId[e.source].label + " → " + byId[e.target].label;
      g.appendChild(tip);
      g.addEventListener("click", function (event) { event.stopPropagation(); selectEdge(e); });
      e.element = g;
      edgeLayer.appendChild(g);
    });
    // larger nodes last, so they sit on top
    visibleNodes.slice().sort(function (a, b) { return nodeRadius(a) - nodeRadius(b); }).forEach(function (n) {
      var g = svgEl("g", { "class": "node kind-" + n.kind, "data-id": n.id, "data-kind": n.kind,
        transform: "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")" });
      if (n.kind === "document") { g.setAttribute("data-doc-type", n.attrs.doc_type || ""); }
      g.appendChild(shape(n));
      var label = svgEl("text", { x: nodeRadius(n) + 3, y: 4 });
      label.textContent = shortLabel(n);
      if (labelled[n.id]) { g.appendChild(label); }
      var tip = svgEl("title");
      tip.textContent = n.label;
      g.appendChild(tip);
      g.addEventListener("mousedown", function (event) { startNodeDrag(event, n); });
      g.addEventListener("click", function (event) { event.stopPropagation(); if (!dragMoved) { selectNode(n); } });
      n.element = g;
      nodeLayer.appendChild(g);
    });
    nodes.forEach(function (n) { if (!shown[n.id]) { n.element = null; } });
    edges.forEach(function (e) { if (!(shown[e.source] && shown[e.target])) { e.element = null; } });
    fitView(visibleNodes);
    document.body.setAttribute("data-rendered-nodes", String(visibleNodes.length));
    document.body.setAttribute("data-rendered-edges", String(visibleEdges.length));
  }

  function redrawNode(n) {
    n.element.setAttribute("transform", "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")");
    n.out.concat(n["in"]).forEach(function (e) {
      if (e.element) {
        var d = edgePath(e);
        e.element.childNodes[0].setAttribute("d", d);
        e.element.childNodes[1].setAttribute("d", d);
      }
    });
  }

  // --- pan, zoom, drag -------------------------------------------------------------------

  var drag = null, dragMoved = false;

  function svgPoint(event) {
    var box = svg.getBoundingClientRect();
    return { x: view.x + (event.clientX - box.left) / box.width * view.w,
             y: view.y + (event.clientY - box.top) / box.height * view.h };
  }

  function startNodeDrag(event, n) {
    event.stopPropagation();
    drag = { node: n, start: svgPoint(event), x: n.x, y: n.y };
    dragMoved = false;
  }

  svg.addEventListener("mousedown", function (event) {
    drag = { pan: true, clientX: event.clientX, clientY: event.clientY, x: view.x, y: view.y };
    dragMoved = false;
    svg.classList.add("panning");
  });
  window.addEventListener("mousemove", function (event) {
    if (!drag) { return; }
    if (drag.pan) {
      var box = svg.getBoundingClientRect();
      view.x = drag.x - (event.clientX - drag.clientX) / box.width * view.w;
      view.y = drag.y - (event.clientY - drag.clientY) / box.height * view.h;
      setView();
    } else {
      var p = svgPoint(event);
      drag.node.x = drag.x + p.x - drag.start.x;
      drag.node.y = drag.y + p.y - drag.start.y;
      redrawNode(drag.node);
    }
    dragMoved = true;
  });
  window.addEventListener("mouseup", function () {
    drag = null;
    svg.classList.remove("panning");
    setTimeout(function () { dragMoved = false; }, 0);
  });
  svg.addEventListener("wheel", function (event) {
    event.preventDefault();
    var p = svgPoint(event), factor = event.deltaY > 0 ? 1.15 : 1 / 1.15;
    view = { x: p.x - (p.x - view.x) * factor, y: p.y - (p.y - view.y) * factor, w: view.w * factor, h: view.h * factor };
    setView();
  }, { passive: false });
  svg.addEventListener("click", function () { if (!dragMoved) { clearSelection(); showOverview(); } });

  // --- details panel ---------------------------------------------------------------------

  var ATTRIBUTE_NAMES = {
    code: "code", doc_type_name: "type", issuer: "issuer", date: "date", subject: "subject",
    scope: "scope", term: "term", cited_by: "cited by (texts)", source: "source", format: "format",
    text_kind: "kind", title: "title", published: "published", name: "name"
  };
  var RELATION_WORDS = {
    based_on: ["rests on", "rested on by"], implements: ["implements", "implemented by"],
    amends: ["amends", "amended by"], replaces: ["replaces", "replaced by"],
    repeals: ["repeals", "repealed by"], cites: ["cites", "cited by"],
    mentions: ["mentions", "mentioned in"], issued_by: ["issued by", "issued"],
    holds_post: ["holds post at", "post held by"]
  };

  function nodeLink(n) {
    var button = el("button", "link", n.label);
    button.type = "button";
    button.addEventListener("click", function () { focusNode(n); });
    return button;
  }

  function edgeLink(e, text) {
    var button = el("button", "link", text);
    button.type = "button";
    button.addEventListener("click", function () { selectEdge(e); });
    return button;
  }

  function attributeList(attrs, names) {
    var dl = el("dl", "attrs");
    names.forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === "") { return; }
      dl.appendChild(el("dt", null, ATTRIBUTE_NAMES[name] || name));
      dl.appendChild(el("dd", null, value));
    });
    return dl;
  }

  function textName(textId) {
    var t = data.texts[textId];
    if (!t) { return textId; }
    return (t.title || t.source || textId) + (t.published ? " (" + t.published + ")" : "");
  }

  function showNode(n) {
    details.textContent = "";
    details.appendChild(el("h2", null, n.label));
    var kindLine = n.kind + (n.kind === "document" && n.attrs.doc_type ? " · " + n.attrs.doc_type : "");
    details.appendChild(el("div", "muted", kindLine));
    var names = {
      document: ["code", "doc_type_name", "issuer", "date", "subject", "scope", "term", "cited_by"],
      text: ["title", "source", "format", "text_kind", "published"],
      person: ["name"], organization: ["name"], post: ["title"]
    }[n.kind] || [];
    details.appendChild(attributeList(n.attrs, names));
    if (n.kind === "text" && n.attrs.document && byId[n.attrs.document]) {
      var own = el("div", null, "This text is the document ");
      own.appendChild(nodeLink(byId[n.attrs.document]));
      details.appendChild(own);
    }
    if (n.attrs.ambiguous) {
      details.appendChild(el("div", "muted", "Ambiguous: the citing texts do not say which issuer's document this is."));
    }
    if (n.kind === "document") {
      details.appendChild(el("h3", null, "Texts citing it (" + n.cited_in.length + ")"));
      var list = el("ul", "items");
      n.cited_in.forEach(function (c) {
        var item = el("li");
        var textNode = byId["text:" + c.text_id];
        item.appendChild(textNode ? nodeLink(textNode) : el("span", null, textName(c.text_id)));
        item.appendChild(el("span", "muted", " " + (c.published || "") + " ×" + c.count));
        list.appendChild(item);
      });
      if (!n.cited_in.length) { list.appendChild(el("li", "muted", "none")); }
      details.appendChild(list);
    }
    var groups = {};
    var order = [];
    n.out.forEach(function (e) { addToGroup(groups, order, (RELATION_WORDS[e.type] || [e.type])[0], e, byId[e.target]); });
    n["in"].forEach(function (e) {
      if (n.kind === "document" && e.kind === "mentions") { return; } // listed above as citing texts
      addToGroup(groups, order, (RELATION_WORDS[e.type] || [e.type, e.type])[1], e, byId[e.source]);
    });
    order.forEach(function (title) {
      details.appendChild(el("h3", null, title + " (" + groups[title].length + ")"));
      var list = el("ul", "items");
      groups[title].forEach(function (pair) {
        var item = el("li");
        item.appendChild(nodeLink(pair[1]));
        var extra = pair[0].kind === "relation" ? " " + pair[0].attrs.confidence.toFixed(2) :
          pair[0].kind === "holds_post" ? " " + pair[0].attrs.title + (pair[0].attrs.date ? ", " + pair[0].attrs.date : "") :
          pair[0].kind === "mentions" ? " ×" + pair[0].attrs.count : "";
        item.appendChild(el("span", "muted", extra));
        if (pair[0].kind === "relation") {
          item.appendChild(el("span", null, " "));
          item.appendChild(edgeLink(pair[0], "evidence"));
        }
        list.appendChild(item);
      });
      details.appendChild(list);
    });
  }

  function addToGroup(groups, order, title, e, other) {
    if (!groups[title]) { groups[title] = []; order.push(title); }
    groups[title].push([e, other]);
  }

  function showEdge(e) {
    details.textContent = "";
    var a = byId[e.source], b = byId[e.target];
    details.appendChild(el("h2", null, e.type));
    var line = el("div");
    line.appendChild(nodeLink(a));
    line.appendChild(el("span", null, " → "));
    line.appendChild(nodeLink(b));
    details.appendChild(line);
    if (e.kind === "relation") {
      details.appendChild(attributeList({ confidence: e.attrs.confidence.toFixed(2), evidence: e.attrs.count },
        ["confidence", "evidence"]));
      details.appendChild(el("h3", null, "Evidence"));
      e.evidence.forEach(function (item) {
        details.appendChild(el("blockquote", "evidence", item.text || "(no sentence kept)"));
        details.appendChild(el("div", "muted", textName(item.text_id) + " · rule " + (item.rule || "?") +
          " · " + Number(item.confidence || 0).toFixed(2) +
          (item.start !== null && item.start !== undefined ? " · chars " + item.start + "-" + item.end : "")));
      });
    } else {
      details.appendChild(attributeList(e.attrs, Object.keys(e.attrs)));
    }
  }

  function showOverview() {
    details.textContent = "";
    details.appendChild(el("h2", null, "Overview"));
    details.appendChild(el("p", null, data.summary));
    details.appendChild(el("p", "muted", "Click a node or an edge for its details; drag to pan, wheel to zoom, drag a node to move it."));
  }

  function showLegend() {
    var legend = document.getElementById("legend");
    legend.appendChild(el("h3", null, "Documents (size: texts citing them)"));
    data.doc_types.forEach(function (t) {
      var row = el("div");
      var swatch = el("span", "swatch");
      swatch.style.background = t.color;
      row.appendChild(swatch);
      row.appendChild(el("span", null, (t.code || "—") + " " + (t.name || "") + " (" + t.count + ")"));
      legend.appendChild(row);
    });
    legend.appendChild(el("h3", null, "Relations"));
    data.relation_types.forEach(function (t) {
      var row = el("div");
      var swatch = el("span", "line");
      swatch.style.borderColor = t.color;
      row.appendChild(swatch);
      row.appendChild(el("span", null, t.type + " (" + t.count + ")"));
      legend.appendChild(row);
    });
    legend.appendChild(el("h3", null, "Other nodes"));
    Object.keys(KIND_COLORS).filter(function (kind) { return kind in shownKinds; }).forEach(function (kind) {
      var row = el("div");
      var swatch = el("span", "swatch");
      swatch.style.background = KIND_COLORS[kind];
      row.appendChild(swatch);
      row.appendChild(el("span", null, kind + (kind === "person" ? " (diamond)" : kind === "text" ? " (square)" : "")));
      legend.appendChild(row);
    });
  }

  // --- selection and search -------------------------------------------------------------

  function clearSelection() {
    Array.prototype.forEach.call(svg.querySelectorAll(".selected"), function (x) { x.classList.remove("selected"); });
    document.body.removeAttribute("data-selected");
  }

  function selectNode(n) {
    clearSelection();
    if (n.element) { n.element.classList.add("selected"); }
    document.body.setAttribute("data-selected", n.id);
    showNode(n);
  }

  function selectEdge(e) {
    clearSelection();
    if (e.element) { e.element.classList.add("selected"); }
    document.body.setAttribute("data-selected", e.id);
    showEdge(e);
  }

  function focusNode(n) {
    if (!shownKinds[n.kind]) { // a node of a hidden kind: show that kind first
      shownKinds[n.kind] = true;
      var box = document.querySelector("input[data-kind='" + n.kind + "']");
      if (box) { box.checked = true; }
      draw();
      applySearch(false);
    }
    var w = Math.min(view.w, 900), h = w * view.h / view.w;
    view = { x: n.x - w / 2, y: n.y - h / 2, w: w, h: h };
    setView();
    selectNode(n);
  }

  function haystack(n) {
    var a = n.attrs;
    return fold([n.label, a.code, a.name, a.title, a.subject, a.issuer, a.doc_type_name].join("\u0001"));
  }
  nodes.forEach(function (n) { n.search = haystack(n); });

  function applySearch(select) {
    var query = fold(searchBox.value.trim());
    var matches = query ? nodes.filter(function (n) { return n.search.indexOf(query) >= 0; }) : [];
    matches.sort(function (a, b) { // exact codes first, then documents, then the most cited
      var ea = fold(a.label) === query ? 0 : 1, eb = fold(b.label) === query ? 0 : 1;
      if (ea !== eb) { return ea - eb; }
      var da = a.kind === "document" ? 0 : 1, db = b.kind === "document" ? 0 : 1;
      if (da !== db) { return da - db; }
      return (b.attrs.cited_by || 0) - (a.attrs.cited_by || 0);
    });
    var matched = {};
    matches.forEach(function (n) { matched[n.id] = true; });
    svg.classList.toggle("searching", !!query);
    nodes.forEach(function (n) {
      if (!n.element) { return; }
      n.element.classList.toggle("match", !!matched[n.id]);
      if (matched[n.id]) { n.element.setAttribute("data-match", "true"); } else { n.element.removeAttribute("data-match"); }
    });
    resultsList.textContent = "";
    matches.slice(0, 100).forEach(function (n) {
      var item = el("li");
      item.setAttribute("data-id", n.id);
      item.appendChild(nodeLink(n));
      item.appendChild(el("span", "muted", " " + n.kind));
      resultsList.appendChild(item);
    });
    statusLine.textContent = query ? matches.length + (matches.length === 1 ? " match" : " matches") : "";
    document.body.setAttribute("data-matches", String(matches.length));
    if (select && matches.length) {
      var shownMatches = matches.filter(function (n) { return n.element; });
      if (shownMatches.length) {
        fitView(shownMatches);
        if (shownMatches.length === 1 || fold(shownMatches[0].label) === query) { selectNode(shownMatches[0]); }
      } else {
        focusNode(matches[0]);
      }
    } else if (select && !query) {
      fitView(visibleNodes);
    }
  }

  // --- start ---------------------------------------------------------------------------

  var kindBoxes = document.getElementById("kinds");
  data.kinds.forEach(function (k) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = k.shown;
    box.setAttribute("data-kind", k.kind);
    box.addEventListener("change", function () {
      shownKinds[k.kind] = box.checked;
      draw();
      applySearch(false);
    });
    label.appendChild(box);
    label.appendChild(el("span", null, " " + k.kind + " (" + k.count + ")"));
    kindBoxes.appendChild(label);
  });

  markers();
  draw();
  showLegend();
  showOverview();
  var searchTimer = null;
  searchBox.addEventListener("input", function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () { applySearch(true); }, 150);
  });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { searchBox.value = initial; }
  applySearch(true);
  document.body.setAttribute("data-state", "ready");
})();
