// The claimant page's chart: claims per month, stacked by verdict.
import { el, getJSON, VERDICT_COLOURS, VERDICT_LABELS } from "./common.js";

const box = document.getElementById("source-chart");
if (box) {
  getJSON("/api/sources/" + encodeURIComponent(box.dataset.key)).then((data) => {
    const months = data.chart.months;
    const names = Object.keys(data.chart.series);
    if (!months.length) { box.appendChild(el("p", { class: "muted" }, "No dated claims.")); return; }
    const xs = months.map((m) => Date.parse(m + "-01T00:00:00Z") / 1000);
    const stacks = names.map((_, k) => xs.map((_, i) => names.slice(k).reduce((s, n) => s + data.chart.series[n][i], 0)));
    const bars = uPlot.paths.bars({ size: [0.8, 60] });
    new uPlot({
      width: box.clientWidth || 800,
      height: 200,
      scales: { x: { time: true } },
      axes: [{}, { size: 40 }],
      series: [
        { label: "Month", value: (u, v) => (v == null ? "" : new Date(v * 1000).toISOString().slice(0, 7)) },
        ...names.map((n) => ({
          label: VERDICT_LABELS[n],
          fill: VERDICT_COLOURS[n],
          stroke: VERDICT_COLOURS[n],
          width: 0,
          paths: bars,
          points: { show: false },
          value: (u, v, si, i) => (i == null ? "" : String(data.chart.series[n][i])),
        })),
      ],
    }, [xs, ...stacks], box);
  }).catch((err) => box.appendChild(el("p", { class: "muted" }, String(err.message || err))));
}
