// The home page: claims on a map and a timeline, filtered together.
// Every string from the store reaches the page through textContent, never as
// markup; the view's state lives in the address so a view can be shared.
import { el, getJSON, SIDE_COLOURS, TYPE_COLOURS, VERDICT_LABELS } from "./common.js";

const FILTERS = ["q", "claimant", "side", "type", "action", "verdict", "lang", "source"];
const params = new URLSearchParams(location.search);
const state = {};
for (const name of [...FILTERS, "from", "to", "by", "snap", "lat", "lon", "zoom"]) {
  const value = params.get(name);
  if (value) state[name] = value;
}
state.by = state.by === "type" ? "type" : "side";

const map = L.map("map", { zoomControl: true, worldCopyJump: true, minZoom: 3, maxZoom: 14 });
map.attributionControl.setPrefix(false);
map.attributionControl.addAttribution(
  "Boundaries derived from OCHA COD-AB, GeoNames (CC BY 4.0) and Natural Earth"
);
map.createPane("base").style.zIndex = 200;
map.createPane("snapshot").style.zIndex = 300;
map.createPane("labels").style.zIndex = 350;
map.setView(
  [Number(state.lat) || 48.6, Number(state.lon) || 34.5],
  Number(state.zoom) || 6
);
const markers = L.layerGroup().addTo(map);
let snapshotLayer = null;
let snapshotDays = [];
let chart = null;
let requestId = 0;

function writeURL() {
  const out = new URLSearchParams();
  const c = map.getCenter();
  for (const [k, v] of Object.entries(state)) {
    if (v && !["lat", "lon", "zoom"].includes(k) && !(k === "by" && v === "side")) out.set(k, v);
  }
  out.set("lat", c.lat.toFixed(3));
  out.set("lon", c.lng.toFixed(3));
  out.set("zoom", String(map.getZoom()));
  history.replaceState(null, "", "?" + out.toString());
}

function query(extra) {
  const out = new URLSearchParams();
  for (const name of [...FILTERS, "from", "to", "by"]) if (state[name]) out.set(name, state[name]);
  for (const [k, v] of Object.entries(extra || {})) out.set(k, v);
  return out.toString();
}

// --- basemap ----------------------------------------------------------------
getJSON("/static/basemap.geojson").then((data) => {
  const style = (f) => ({
    className: "base-" + f.properties.kind,
    weight: { oblast: 0.8, raion: 0.5 }[f.properties.kind] || 1.2,
  });
  L.geoJSON(data, {
    pane: "base",
    interactive: false,
    filter: (f) => f.properties.kind !== "raion",
    style,
  }).addTo(map);
  // raion borders only once the map is close enough to read them
  const raions = L.geoJSON(data, {
    pane: "base",
    interactive: false,
    filter: (f) => f.properties.kind === "raion",
    style,
  });
  const labels = L.layerGroup().addTo(map);
  const draw = () => {
    labels.clearLayers();
    const zoom = map.getZoom();
    if (zoom >= 8) raions.addTo(map); else map.removeLayer(raions);
    for (const p of data.labels || []) {
      if (zoom < p.minzoom) continue;
      const icon = L.divIcon({ className: "label label-" + p.kind, html: el("span", {}, p.name), iconSize: null });
      labels.addLayer(L.marker([p.lat, p.lon], { icon, interactive: false, pane: "labels", keyboard: false }));
    }
  };
  map.on("zoomend", draw);
  draw();
}).catch(() => {});

// --- filters ------------------------------------------------------------------
function fillSelect(name, rows, labelOf) {
  const select = document.getElementById("f-" + name);
  for (const row of rows) {
    const text = labelOf ? labelOf(row) : row.label + (row.count !== undefined ? " (" + row.count + ")" : "");
    select.appendChild(el("option", { value: row.value }, text));
  }
  if (state[name]) select.value = state[name];
  select.addEventListener("change", () => {
    state[name] = select.value;
    refresh();
  });
}

async function init() {
  const info = await getJSON("/api/filters");
  const o = info.options;
  fillSelect("claimant", o.claimant);
  fillSelect("side", o.side);
  fillSelect("type", o.type);
  fillSelect("action", o.action);
  fillSelect("verdict", o.verdict, (r) => VERDICT_LABELS[r.value] + " (" + r.count + ")");
  fillSelect("lang", o.lang);
  fillSelect("source", o.source);
  const q = document.getElementById("f-q");
  if (state.q) q.value = state.q;
  let timer = null;
  q.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => { state.q = q.value.trim(); refresh(); }, 300);
  });
  document.getElementById("filters").addEventListener("submit", (e) => e.preventDefault());
  document.getElementById("reset").addEventListener("click", () => {
    for (const name of [...FILTERS, "from", "to"]) delete state[name];
    for (const name of FILTERS) document.getElementById("f-" + name).value = "";
    refresh();
  });
  const by = document.getElementById("by");
  by.value = state.by;
  by.addEventListener("change", () => { state.by = by.value; refresh(); });
  document.getElementById("clear-range").addEventListener("click", () => {
    delete state.from; delete state.to; refresh();
  });
  setupSnapshots(info.snapshots);
  map.on("moveend", () => refresh({ mapOnly: true }));
  refresh();
}

// --- snapshots ------------------------------------------------------------------
function setupSnapshots(listing) {
  const source = (listing.sources || [])[0];
  if (!source || !source.days.length) return;
  snapshotDays = source.days;
  document.getElementById("snapshot-row").hidden = false;
  document.getElementById("map-layer-legend").hidden = false;
  const slider = document.getElementById("snapshot-day");
  slider.max = String(snapshotDays.length - 1);
  let at = snapshotDays.length - 1;
  if (state.snap) {
    const found = snapshotDays.findIndex((d) => d >= state.snap);
    at = found < 0 ? snapshotDays.length - 1 : found;
  }
  slider.value = String(at);
  slider.addEventListener("input", () => setSnapshot(snapshotDays[Number(slider.value)]));
  document.getElementById("snapshot-on").addEventListener("change", (e) => {
    if (snapshotLayer) {
      if (e.target.checked) snapshotLayer.addTo(map); else map.removeLayer(snapshotLayer);
    }
  });
  setSnapshot(snapshotDays[at]);
}

let snapshotRequest = 0;
async function setSnapshot(day) {
  const mine = ++snapshotRequest;
  state.snap = day;
  writeURL();
  const label = document.getElementById("snapshot-label");
  label.textContent = day + " …";
  const data = await getJSON("/api/snapshots/" + encodeURIComponent(day));
  if (mine !== snapshotRequest) return;
  const layer = L.geoJSON(data, {
    pane: "snapshot",
    interactive: false,
    style: (f) => ({ className: "snap-" + f.properties.status, weight: 1 }),
  });
  if (snapshotLayer) map.removeLayer(snapshotLayer);
  snapshotLayer = layer;
  if (document.getElementById("snapshot-on").checked) layer.addTo(map);
  label.textContent = data.day ? data.day + " (" + data.source + ")" : day + ": no snapshot yet";
  label.dataset.day = data.day || "";
  label.dataset.features = String(data.features.length);
}

// --- markers --------------------------------------------------------------------
function dominant(verdicts) {
  let best = "unverified", n = -1;
  for (const [k, v] of Object.entries(verdicts)) if (v > n) { best = k; n = v; }
  return best;
}

function pointPopup(p) {
  const box = el("div", { class: "popup" });
  box.appendChild(el("strong", {}, p.place || "place"));
  box.appendChild(el("div", {}, VERDICT_LABELS[p.verdict] + " · claimant's side: " + p.side));
  box.appendChild(el("a", { href: "/claims/" + encodeURIComponent(p.id) }, "Open the claim"));
  if (p.place_id) {
    box.appendChild(el("br"));
    box.appendChild(el("a", { href: "/places/" + encodeURIComponent(p.place_id) }, "All claims about this place"));
  }
  return box;
}

function clusterPopup(c) {
  const box = el("div", { class: "popup" });
  box.appendChild(el("strong", {}, (c.place || "") + " " + c.count + " claims"));
  const list = el("ul");
  for (const [k, v] of Object.entries(c.verdicts)) list.appendChild(el("li", {}, VERDICT_LABELS[k] + ": " + v));
  box.appendChild(list);
  box.appendChild(el("a", { href: "/places/" + encodeURIComponent(c.place_id) }, "All claims about this place"));
  return box;
}

function drawMarkers(data) {
  markers.clearLayers();
  for (const p of data.points) {
    const icon = L.divIcon({ className: "mk side-" + p.side + " v-" + p.verdict, iconSize: [14, 14] });
    const m = L.marker([p.lat, p.lon], { icon, title: (p.place || "") + ": " + VERDICT_LABELS[p.verdict] });
    m.bindPopup(() => pointPopup(p));
    markers.addLayer(m);
  }
  for (const c of data.clusters) {
    const size = c.count < 10 ? 30 : c.count < 100 ? 36 : c.count < 1000 ? 44 : 52;
    const label = el("span", {}, String(c.count));
    const icon = L.divIcon({
      className: "cl v-" + dominant(c.verdicts),
      html: label,
      iconSize: [size, size],
    });
    const m = L.marker([c.lat, c.lon], { icon, title: c.count + " claims" });
    m.on("add", () => { const node = m.getElement(); if (node) node.dataset.count = String(c.count); });
    if (c.place_id && map.getZoom() >= 8) {
      m.bindPopup(() => clusterPopup(c));
    } else {
      m.on("click", () => map.setView([c.lat, c.lon], Math.min(map.getZoom() + 2, 14)));
    }
    markers.addLayer(m);
  }
}

// --- timeline ---------------------------------------------------------------------
function drawTimeline(t) {
  const box = document.getElementById("timeline");
  const names = Object.keys(t.series);
  let total = 0;
  for (const n of names) for (const v of t.series[n]) total += v;
  box.dataset.total = String(total);
  box.dataset.days = String(t.days.length);
  if (chart) { chart.destroy(); chart = null; }
  if (!t.days.length) { box.textContent = "No dated claims."; return; }
  box.textContent = "";
  const xs = t.days.map((d) => Date.parse(d + "T00:00:00Z") / 1000);
  // stacked bars: series k is the sum of the series k..n, drawn largest first
  const stacks = names.map((_, k) => xs.map((_, i) => names.slice(k).reduce((s, n) => s + t.series[n][i], 0)));
  const colours = t.by === "side" ? SIDE_COLOURS : TYPE_COLOURS;
  const bars = uPlot.paths.bars({ size: [0.9, 40] });
  const opts = {
    width: box.clientWidth || 800,
    height: 150,
    scales: { x: { time: true } },
    legend: { show: true },
    cursor: { drag: { x: true, y: false, setScale: false } },
    select: { show: true },
    axes: [{}, { size: 40 }],
    series: [
      { label: "Day", value: (u, v) => (v == null ? "" : new Date(v * 1000).toISOString().slice(0, 10)) },
      ...names.map((n, k) => ({
        label: n,
        fill: colours[n] || "#999",
        stroke: colours[n] || "#999",
        width: 0,
        paths: bars,
        points: { show: false },
        value: (u, v, si, i) => (i == null ? "" : String(t.series[n][i])),
      })),
    ],
    hooks: {
      setSelect: [(u) => {
        if (u.select.width < 2) return;
        const a = u.posToVal(u.select.left, "x");
        const b = u.posToVal(u.select.left + u.select.width, "x");
        state.from = new Date(a * 1000).toISOString().slice(0, 10);
        state.to = new Date(b * 1000).toISOString().slice(0, 10);
        u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
        if (snapshotDays.length) {
          const i = snapshotDays.findLastIndex((d) => d <= state.to);
          if (i >= 0) { document.getElementById("snapshot-day").value = String(i); setSnapshot(snapshotDays[i]); }
        }
        refresh({ keepTimeline: true });
      }],
      draw: [(u) => {
        if (!state.from && !state.to) return;
        const a = state.from ? Date.parse(state.from + "T00:00:00Z") / 1000 - 43200 : u.scales.x.min;
        const b = state.to ? Date.parse(state.to + "T00:00:00Z") / 1000 + 43200 : u.scales.x.max;
        const x0 = u.valToPos(a, "x", true), x1 = u.valToPos(b, "x", true);
        u.ctx.save();
        u.ctx.fillStyle = "rgba(40, 90, 200, 0.12)";
        u.ctx.fillRect(x0, u.bbox.top, x1 - x0, u.bbox.height);
        u.ctx.restore();
      }],
    },
  };
  chart = new uPlot(opts, [xs, ...stacks], box);
}

// --- refresh ------------------------------------------------------------------------
async function refresh(how) {
  how = how || {};
  writeURL();
  const mine = ++requestId;
  const b = map.getBounds().pad(0.2);
  const extra = {
    zoom: String(map.getZoom()),
    bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((x) => x.toFixed(4)).join(","),
  };
  let data;
  try {
    data = await getJSON("/api/view?" + query(extra));
  } catch (err) {
    document.getElementById("count").textContent = "error";
    document.getElementById("count-note").textContent = String(err.message || err);
    return;
  }
  if (mine !== requestId) return;
  drawMarkers(data.map);
  const count = document.getElementById("count");
  count.textContent = String(data.count);
  count.dataset.count = String(data.count);
  count.dataset.located = String(data.map.located);
  count.dataset.inView = String(data.map.in_view);
  document.getElementById("count-note").textContent =
    "claims match (" + data.map.located + " on the map, " + data.map.in_view + " in view; " +
    data.claims_in_store + " in the store)";
  const range = document.getElementById("range");
  range.textContent = state.from || state.to ? "Showing " + (state.from || "…") + " to " + (state.to || "…") : "";
  document.getElementById("clear-range").hidden = !(state.from || state.to);
  if (!how.mapOnly && !how.keepTimeline) drawTimeline(data.timeline);
  else if (chart) chart.redraw(false, false);
  const list = document.getElementById("claims");
  list.textContent = "";
  listClaims(data.claims, data.count);
  document.body.dataset.ready = String(mine);
}

function listClaims(claims, count) {
  const list = document.getElementById("claims");
  for (const c of claims) {
    const li = el("li", { class: "v-" + c.verdict });
    li.appendChild(el("i", { class: "dot v-" + c.verdict, title: VERDICT_LABELS[c.verdict] }));
    li.appendChild(el("a", { href: "/claims/" + encodeURIComponent(c.id) }, (c.day || "undated") + " · " + c.action));
    li.appendChild(el("bdi", { class: "who" }, " " + c.claimant_name + ": "));
    li.appendChild(el("bdi", { class: "text" }, c.text));
    list.appendChild(li);
  }
  const more = document.getElementById("more");
  more.hidden = list.children.length >= count || list.children.length >= 2000;
  more.dataset.count = String(count);
}

document.getElementById("more").addEventListener("click", async () => {
  const offset = document.getElementById("claims").children.length;
  const data = await getJSON("/api/claims?" + query({ offset: String(offset), limit: "50" }));
  listClaims(data.claims, data.count);
});

init();
