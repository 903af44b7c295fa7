/* vanban graph page: reads the graph from the JSON block and draws it with vis-network (inlined
 * from the installed pyvis package), at the positions the export computed; filters, search,
 * labels and the details panel are ours. Every string from the data is set with textContent,
 * never parsed as HTML. Nothing is fetched. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var container = document.getElementById("graph");
  var details = document.getElementById("details");
  var searchBox = document.getElementById("search");
  var resultsList = document.getElementById("results");
  var statusLine = document.getElementById("status");
  var LABEL_PX = 13;          // label size on screen, whatever the zoom
  var LABEL_ALL_BELOW = 60;   // a drawing with fewer documents labels them all
  var MATCH_LABELS = 40;      // search matches that get a label
  var NEIGHBOUR_LABELS = 12;  // neighbours of the selected node that get one (the most cited)

  var nodes = data.nodes, edges = data.edges, byId = {};
  nodes.forEach(function (n) { byId[n.id] = n; n.out = []; n["in"] = []; });
  edges.forEach(function (e) { byId[e.from].out.push(e); byId[e.to]["in"].push(e); });
  var typeColors = {}, relationColors = {};
  data.doc_types.forEach(function (t) { typeColors[t.name] = t.color; });
  data.relation_types.forEach(function (t) { relationColors[t.type] = t.color; });
  var hasStories = nodes.some(function (n) { return n.kind === "story"; });

  // --- small helpers ---------------------------------------------------------------------

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  /** Lower case without tone marks, so "luat dat dai" finds "Luật Đất đai" and "50-qd/tw" finds "50-QĐ/TW". */
  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().replace(/[\u2010-\u2015]/g, "-");
  }

  function shortLabel(n) {
    var text = n.label || n.id;
    return text.length > 42 ? text.slice(0, 41) + "…" : text;
  }

  function year(n) { return n.attrs && n.attrs.date ? parseInt(n.attrs.date.slice(0, 4), 10) : null; }

  // --- filters -----------------------------------------------------------------------------

  var params = new URLSearchParams(window.location.search);
  var filter = { types: {}, relations: {}, conf: 0, from: null, to: null, undated: true, stories: true };
  function resetFilter() {
    var wantedTypes = params.getAll("type"), wantedRelations = params.getAll("relation");
    data.doc_types.forEach(function (t) { filter.types[t.name] = !wantedTypes.length || wantedTypes.indexOf(t.name) >= 0; });
    data.relation_types.forEach(function (t) {
      filter.relations[t.type] = !wantedRelations.length || wantedRelations.indexOf(t.type) >= 0;
    });
    filter.conf = parseFloat(params.get("conf")) || 0;
    filter.from = parseInt(params.get("from"), 10) || null;
    filter.to = parseInt(params.get("to"), 10) || null;
    filter.undated = params.get("undated") !== "0";
    filter.stories = params.get("stories") !== "0";
  }
  resetFilter();

  function documentShown(n) {
    if (!filter.types[n.type]) { return false; }
    var y = year(n);
    if (y === null) { return filter.undated; }
    return (filter.from === null || y >= filter.from) && (filter.to === null || y <= filter.to);
  }

  function nodeShown(n) {
    if (n.kind === "document") { return documentShown(n); }
    return filter.stories && n.out.some(function (e) { return documentShown(byId[e.to]); });
  }

  function edgeShown(e) {
    if (!nodeShown(byId[e.from]) || !nodeShown(byId[e.to])) { return false; }
    if (e.kind !== "relation") { return true; }
    return filter.relations[e.type] && (e.confidence || 0) >= filter.conf - 1e-9;
  }

  // --- vis-network data --------------------------------------------------------------------

  function tooltip(n) {
    var box = el("div");
    box.appendChild(el("strong", null, n.label));
    if (n.kind === "document") {
      box.appendChild(el("div", null, [n.type, n.attrs.date, n.attrs.issuer].filter(Boolean).join(" · ")));
      if (n.attrs.subject) { box.appendChild(el("div", null, n.attrs.subject)); }
      box.appendChild(el("div", "muted", "cited by " + (n.attrs.cited_by || 0) + " stories"));
    } else {
      box.appendChild(el("div", "muted", "story · " + (n.attrs.published || "no date") + " · " + n.attrs.copies + " source(s)"));
    }
    return box;
  }

  function visNode(n) {
    var document_ = n.kind === "document";
    var color = document_ ? (typeColors[n.type] || "#999999") : data.story_color;
    return {
      id: n.id, x: n.x, y: n.y, shape: document_ ? "dot" : "square",
      value: document_ ? 1 + (n.attrs.cited_by || 0) : undefined, size: document_ ? undefined : 5,
      color: { background: color, border: "#444444", highlight: { background: color, border: "#000000" },
               hover: { background: color, border: "#000000" } },
      borderWidth: data.focus.indexOf(n.id) >= 0 ? 4 : 1,
      title: tooltip(n), label: ""
    };
  }

  function visEdge(e) {
    var relation = e.kind === "relation";
    var color = relation ? (relationColors[e.type] || "#555555") : "#c8c8c8";
    return {
      id: e.id, from: e.from, to: e.to, arrows: { to: { enabled: true, scaleFactor: relation ? 0.6 : 0.3 } },
      color: { color: color, highlight: color, hover: color, opacity: relation ? 0.9 : 0.6 },
      width: relation ? 1.2 + 2 * (e.confidence || 0) : 0.5, dashes: !relation
    };
  }

  var nodeSet = new vis.DataSet(nodes.map(visNode));
  var edgeSet = new vis.DataSet(edges.map(visEdge));
  var nodeView = new vis.DataView(nodeSet, { filter: function (item) { return nodeShown(byId[item.id]); } });
  var edgeById = {};
  edges.forEach(function (e) { edgeById[e.id] = e; });
  var edgeView = new vis.DataView(edgeSet, { filter: function (item) { return edgeShown(edgeById[item.id]); } });
  var big = nodes.length > 1500;
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, {
    autoResize: true,
    physics: { enabled: false, solver: "forceAtlas2Based", stabilization: false },
    layout: { improvedLayout: false },
    nodes: { shape: "dot", scaling: { min: 5, max: 24, label: { enabled: false } },
             font: { size: LABEL_PX, face: "system-ui, sans-serif", color: "#111111", strokeWidth: 4, strokeColor: "#ffffff" } },
    edges: { smooth: false, selectionWidth: 2, hoverWidth: 1 },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big, navigationButtons: false }
  });

  // --- labels --------------------------------------------------------------------------------

  var matches = [], selectedId = null, labelledNow = {};

  function wantedLabels() {
    var wanted = {};
    var shownNodes = nodes.filter(nodeShown);
    if (shownNodes.length < LABEL_ALL_BELOW) {
      shownNodes.forEach(function (n) { wanted[n.id] = true; });
    } else {
      data.labelled.forEach(function (id) { wanted[id] = true; });
    }
    data.focus.forEach(function (id) { wanted[id] = true; });
    matches.slice(0, MATCH_LABELS).forEach(function (n) { wanted[n.id] = true; });
    if (selectedId && byId[selectedId]) {
      wanted[selectedId] = true;
      var n = byId[selectedId], near = [];
      n.out.forEach(function (e) { near.push(byId[e.to]); });
      n["in"].forEach(function (e) { if (e.kind === "relation") { near.push(byId[e.from]); } });
      near.sort(function (a, b) { return ((b.attrs && b.attrs.cited_by) || 0) - ((a.attrs && a.attrs.cited_by) || 0); });
      near.slice(0, NEIGHBOUR_LABELS).forEach(function (m) { wanted[m.id] = true; });
    }
    Object.keys(wanted).forEach(function (id) { if (!byId[id] || !nodeShown(byId[id])) { delete wanted[id]; } });
    return wanted;
  }

  function relabel() {
    var wanted = wantedLabels(), scale = network.getScale() || 1, size = LABEL_PX / scale, updates = [];
    Object.keys(labelledNow).forEach(function (id) {
      if (!wanted[id]) { updates.push({ id: id, label: "" }); }
    });
    Object.keys(wanted).forEach(function (id) {
      updates.push({ id: id, label: shortLabel(byId[id]), font: { size: size, strokeWidth: 4 / scale } });
    });
    labelledNow = wanted;
    if (updates.length) { nodeSet.update(updates); }
  }

  var touched = false; // the reader moved or zoomed: a resized window keeps their view
  network.on("zoom", function () { touched = true; relabel(); });
  network.on("dragStart", function () { touched = true; });
  window.addEventListener("resize", function () {
    network.setSize(container.clientWidth + "px", container.clientHeight + "px");
    if (!touched) { network.fit({ animation: false }); relabel(); }
    network.redraw();
    publishState();
  });

  // --- state for readers and tests ------------------------------------------------------------

  var openMs = null;

  function labelsDrawn() {
    var ids = Object.keys(labelledNow), positions = network.getPositions(ids), count = 0;
    var w = container.clientWidth, h = container.clientHeight;
    ids.forEach(function (id) {
      var p = positions[id];
      if (!p) { return; }
      var dom = network.canvasToDOM(p);
      if (dom.x >= 0 && dom.y >= 0 && dom.x <= w && dom.y <= h) { count++; }
    });
    return count;
  }

  function nodesOutside() { // shown nodes whose centre lies outside the drawing area
    var positions = network.getPositions(nodeView.getIds()), w = container.clientWidth, h = container.clientHeight;
    return Object.keys(positions).filter(function (id) {
      var p = network.canvasToDOM(positions[id]);
      return p.x < 0 || p.y < 0 || p.x > w || p.y > h;
    }).length;
  }

  function publishState() {
    var shownNodes = nodeView.getIds(), shownEdges = edgeView.getIds();
    var state = {
      shown_nodes: shownNodes, shown_edges: shownEdges.length, labelled: Object.keys(labelledNow),
      labels_drawn: labelsDrawn(), matches: matches.map(function (n) { return n.id; }),
      selected: selectedId, open_ms: openMs,
      view: { scale: network.getScale(), width: container.clientWidth, height: container.clientHeight,
              outside: nodesOutside() }
    };
    document.getElementById("page-state").textContent = JSON.stringify(state);
    var body = document.body;
    body.setAttribute("data-rendered-nodes", String(shownNodes.length));
    body.setAttribute("data-rendered-edges", String(shownEdges.length));
    body.setAttribute("data-labels-drawn", String(state.labels_drawn));
    body.setAttribute("data-matches", String(matches.length));
    if (selectedId) { body.setAttribute("data-selected", selectedId); } else { body.removeAttribute("data-selected"); }
  }

  // --- details panel ---------------------------------------------------------------------------

  var ATTRIBUTE_NAMES = {
    code: "code", doc_type_name: "type", issuer: "issuer", date: "date", subject: "subject",
    scope: "scope", term: "term", cited_by: "cited by (stories)", published: "published", copies: "sources"
  };
  var RELATION_WORDS = {
    based_on: ["rests on", "rested on by"], implements: ["implements", "implemented by"],
    amends: ["amends", "amended by"], replaces: ["replaces", "replaced by"],
    repeals: ["repeals", "repealed by"], cites: ["cites", "cited by"]
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

  function storyName(storyId) {
    var s = data.stories[storyId];
    if (!s) { return storyId; }
    return (s.title || storyId) + (s.published ? " (" + s.published + ")" : "");
  }

  function storyOfText(textId) {
    var found = null;
    Object.keys(data.stories).some(function (id) {
      if (data.stories[id].sources.some(function (src) { return src.text_id === textId; })) { found = id; return true; }
      return false;
    });
    return found;
  }

  function sourceList(storyId) {
    var list = el("ul", "sources");
    ((data.stories[storyId] || {}).sources || []).forEach(function (src) {
      list.appendChild(el("li", null, src.source + (src.published ? " · " + src.published : "")));
    });
    return list;
  }

  function showNode(n) {
    details.textContent = "";
    details.appendChild(el("h2", null, n.label));
    details.appendChild(el("div", "muted", n.kind === "document" ? "document · " + n.type : "story"));
    if (n.kind === "document") {
      details.appendChild(attributeList(n.attrs, ["code", "doc_type_name", "issuer", "date", "subject", "scope",
        "term", "cited_by"]));
      if (n.attrs.ambiguous) {
        details.appendChild(el("div", "muted", "Ambiguous: the citing texts do not say which issuer's document this is."));
      }
      details.appendChild(el("h3", null, "Stories citing it (" + n.cited_in.length + ")"));
      var list = el("ul", "items");
      n.cited_in.forEach(function (c) {
        var item = el("li");
        item.appendChild(byId[c.story] ? nodeLink(byId[c.story]) : el("span", null, storyName(c.story)));
        item.appendChild(el("span", "muted", " ×" + c.count));
        if ((data.stories[c.story] || { sources: [] }).sources.length > 1) { item.appendChild(sourceList(c.story)); }
        list.appendChild(item);
      });
      if (!n.cited_in.length) { list.appendChild(el("li", "muted", "none")); }
      details.appendChild(list);
    } else {
      details.appendChild(attributeList(n.attrs, ["published", "copies"]));
      details.appendChild(el("h3", null, "Sources"));
      details.appendChild(sourceList(n.id));
    }
    var groups = {}, order = [];
    n.out.forEach(function (e) { addToGroup(groups, order, (RELATION_WORDS[e.type] || [e.type])[0], e, byId[e.to]); });
    n["in"].forEach(function (e) {
      if (e.kind === "cites") { return; } // listed above as citing stories
      addToGroup(groups, order, (RELATION_WORDS[e.type] || [e.type, e.type])[1], e, byId[e.from]);
    });
    order.forEach(function (title) {
      details.appendChild(el("h3", null, title + " (" + groups[title].length + ")"));
      var list = el("ul", "items");
      groups[title].forEach(function (pair) {
        var item = el("li");
        item.appendChild(nodeLink(pair[1]));
        if (pair[0].kind === "relation") {
          item.appendChild(el("span", "muted", " " + Number(pair[0].confidence || 0).toFixed(2) + " "));
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
    details.appendChild(el("h2", null, e.type));
    var line = el("div");
    line.appendChild(nodeLink(byId[e.from]));
    line.appendChild(el("span", null, " → "));
    line.appendChild(nodeLink(byId[e.to]));
    details.appendChild(line);
    if (e.kind !== "relation") { return; }
    details.appendChild(attributeList({ confidence: Number(e.confidence || 0).toFixed(2), evidence: e.count },
      ["confidence", "evidence"]));
    details.appendChild(el("h3", null, "Evidence"));
    e.evidence.forEach(function (item) {
      details.appendChild(el("blockquote", "evidence", item.text || "(no sentence kept)"));
      var story = storyOfText(item.text_id);
      details.appendChild(el("div", "muted", (story ? storyName(story) : item.text_id) + " · rule " + (item.rule || "?") +
        " · " + Number(item.confidence || 0).toFixed(2) +
        (item.start !== null && item.start !== undefined ? " · chars " + item.start + "-" + item.end : "")));
    });
  }

  function showOverview() {
    details.textContent = "";
    details.appendChild(el("h2", null, "Overview"));
    details.appendChild(el("p", null, data.heading));
    details.appendChild(el("p", null, data.summary));
    details.appendChild(el("p", "muted", "Click a node or an arrow for its details; drag to pan, wheel to zoom. " +
      "Labels: the " + data.labelled.length + " most cited documents, the search matches and the neighbours of the selected node; " +
      "hover any node for its name. The legend's boxes and the filters above hide documents and relations."));
  }

  function selectNode(n) {
    selectedId = n.id;
    if (nodeShown(n)) { network.selectNodes([n.id]); }
    showNode(n);
    relabel();
    publishState();
  }

  function selectEdge(e) {
    selectedId = e.id;
    if (edgeShown(e)) { network.selectEdges([e.id]); }
    showEdge(e);
    publishState();
  }

  function focusNode(n) {
    selectNode(n);
    if (nodeShown(n)) {
      network.focus(n.id, { scale: Math.max(network.getScale(), 0.8), animation: false });
      relabel();
      publishState();
    }
  }

  network.on("click", function (event) {
    if (event.nodes.length) { selectNode(byId[event.nodes[0]]); }
    else if (event.edges.length) {
      var id = event.edges[0];
      selectEdge(edgeById[id]);
    } else { selectedId = null; showOverview(); relabel(); publishState(); }
  });

  // --- legend (its boxes are the type filters) ------------------------------------------------

  function legendRow(swatchClass, color, text, checked, onChange) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.addEventListener("change", function () { onChange(box.checked); });
    label.appendChild(box);
    var swatch = el("span", swatchClass);
    if (swatchClass === "line") { swatch.style.borderColor = color; } else { swatch.style.background = color; }
    label.appendChild(swatch);
    label.appendChild(el("span", null, text));
    return label;
  }

  function showLegend() {
    var legend = document.getElementById("legend");
    legend.textContent = "";
    legend.appendChild(el("h3", null, "Documents (size: stories citing them)"));
    data.doc_types.forEach(function (t) {
      var row = legendRow("swatch", t.color, t.name + " (" + t.count + ")", filter.types[t.name], function (on) {
        filter.types[t.name] = on; refresh();
      });
      row.setAttribute("data-type", t.name);
      legend.appendChild(row);
    });
    if (data.relation_types.length) { legend.appendChild(el("h3", null, "Relations")); }
    data.relation_types.forEach(function (t) {
      legend.appendChild(legendRow("line", t.color, t.type + " (" + t.count + ")", filter.relations[t.type], function (on) {
        filter.relations[t.type] = on; refresh();
      }));
    });
    if (hasStories) {
      var row = el("div");
      var swatch = el("span", "swatch square");
      swatch.style.background = data.story_color;
      row.appendChild(swatch);
      row.appendChild(el("span", null, "story: a text and its copies, citing (dashed)"));
      legend.appendChild(row);
    }
  }

  // --- search -----------------------------------------------------------------------------------

  function haystack(n) {
    var a = n.attrs || {};
    return fold([n.label, a.code, a.subject, a.issuer, a.doc_type_name, n.type].join("\u0001"));
  }
  nodes.forEach(function (n) { n.search = haystack(n); });
  var others = (data.not_drawn || []).map(function (d) { return { label: d[0], type: d[1], cited_by: d[2], search: fold(d[0]) }; });

  function applySearch(select) {
    var query = fold(searchBox.value.trim());
    matches = query ? nodes.filter(function (n) { return n.search.indexOf(query) >= 0; }) : [];
    matches.sort(function (a, b) { // exact labels first, then documents, then the most cited
      var ea = fold(a.label) === query ? 0 : 1, eb = fold(b.label) === query ? 0 : 1;
      if (ea !== eb) { return ea - eb; }
      var da = a.kind === "document" ? 0 : 1, db = b.kind === "document" ? 0 : 1;
      if (da !== db) { return da - db; }
      return ((b.attrs && b.attrs.cited_by) || 0) - ((a.attrs && a.attrs.cited_by) || 0);
    });
    var elsewhere = query ? others.filter(function (d) { return d.search.indexOf(query) >= 0; }) : [];
    resultsList.textContent = "";
    matches.slice(0, 100).forEach(function (n) {
      var item = el("li");
      item.setAttribute("data-id", n.id);
      item.appendChild(nodeLink(n));
      item.appendChild(el("span", "muted", " " + (n.kind === "document" ? n.type : "story") +
        (nodeShown(n) ? "" : " (hidden by a filter)")));
      resultsList.appendChild(item);
    });
    elsewhere.slice(0, 30).forEach(function (d) {
      resultsList.appendChild(el("li", "muted", d.label + " · " + d.type + " · not drawn on this page (export it with --focus)"));
    });
    statusLine.textContent = query ? matches.length + (matches.length === 1 ? " match" : " matches") +
      (elsewhere.length ? ", " + elsewhere.length + " not drawn" : "") : "";
    var shown = matches.filter(nodeShown).map(function (n) { return n.id; });
    network.selectNodes(shown.slice(0, 200));
    relabel();
    if (select && shown.length) {
      if (shown.length === 1 || fold(matches[0].label) === query) { focusNode(matches[0]); }
      else { network.fit({ nodes: shown, animation: false }); relabel(); }
    } else if (select && !query) {
      network.fit({ animation: false });
      relabel();
    }
    publishState();
  }

  // --- filter controls ---------------------------------------------------------------------------

  var confBox = document.getElementById("conf"), confValue = document.getElementById("conf-value");
  var fromBox = document.getElementById("from"), toBox = document.getElementById("to");
  var undatedBox = document.getElementById("undated"), storiesBox = document.getElementById("show-stories");

  function showControls() {
    confBox.value = String(filter.conf);
    confValue.textContent = filter.conf.toFixed(2);
    fromBox.value = filter.from === null ? "" : String(filter.from);
    toBox.value = filter.to === null ? "" : String(filter.to);
    if (data.years) { fromBox.placeholder = data.years[0]; toBox.placeholder = data.years[1]; }
    undatedBox.checked = filter.undated;
    storiesBox.checked = filter.stories;
    document.getElementById("stories-toggle").hidden = !hasStories;
  }

  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
    relabel();
    applySearch(false);
  }

  confBox.addEventListener("input", function () {
    filter.conf = parseFloat(confBox.value) || 0; confValue.textContent = filter.conf.toFixed(2); refresh();
  });
  fromBox.addEventListener("change", function () { filter.from = parseInt(fromBox.value, 10) || null; refresh(); });
  toBox.addEventListener("change", function () { filter.to = parseInt(toBox.value, 10) || null; refresh(); });
  undatedBox.addEventListener("change", function () { filter.undated = undatedBox.checked; refresh(); });
  storiesBox.addEventListener("change", function () { filter.stories = storiesBox.checked; refresh(); });
  document.getElementById("reset").addEventListener("click", function () {
    params = new URLSearchParams("");
    resetFilter(); showControls(); showLegend(); refresh(); network.fit({ animation: false }); relabel(); publishState();
  });

  // --- start -----------------------------------------------------------------------------------------

  document.getElementById("heading").textContent = data.heading;
  showControls();
  showLegend();
  showOverview();
  var searchTimer = null;
  searchBox.addEventListener("input", function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () { applySearch(true); }, 150);
  });
  network.fit({ animation: false });
  if (data.focus.length && nodeShown(byId[data.focus[0]])) { selectedId = data.focus[0]; showNode(byId[data.focus[0]]); }
  relabel();
  var initial = params.get("q");
  if (initial) { searchBox.value = initial; applySearch(true); }
  network.redraw(); // draws now, not at the next animation frame: the page is open when this returns
  if (!initial && !data.focus.length) { network.fit({ animation: false }); relabel(); network.redraw(); }
  openMs = Math.round(performance.now());
  publishState();
  document.body.setAttribute("data-open-ms", String(openMs));
  document.body.setAttribute("data-state", "ready");
})();
