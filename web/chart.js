// Bar charts in SVG (built node by node: no markup strings), for the months of
// a search's matches and of an entity's articles.
import {s, formatCount} from './dom.js';

// Months "YYYY-MM" from the first to the last of `counts` (a Map), the empty
// ones at zero, so that the bars are a timeline. At most 600 months; past
// that only the months that have articles are drawn.
export function monthSeries(counts) {
  const months = [...counts.keys()].filter((m) => /^\d{4}-\d{2}$/.test(m)).sort();
  if (months.length === 0) return [];
  const [y0, m0] = months[0].split('-').map(Number);
  const [y1, m1] = months[months.length - 1].split('-').map(Number);
  const span = (y1 - y0) * 12 + (m1 - m0) + 1;
  if (span > 600) return months.map((m) => ({month: m, count: counts.get(m)}));
  const out = [];
  for (let i = 0; i < span; i++) {
    const y = y0 + Math.floor((m0 - 1 + i) / 12);
    const m = ((m0 - 1 + i) % 12) + 1;
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push({month: key, count: counts.get(key) || 0});
  }
  return out;
}

// bars: [{label, value, href (optional), title}]. Returns an <svg>.
export function barChart(bars, {label, unit = 'articles'} = {}) {
  // Wide bars with a label each when there are few; narrow ones, labelled
  // every few, when there are many.
  const step = bars.length <= 18 ? 56 : 30;
  const barWidth = step - 8;
  const top = 16;
  const plot = 110;
  const bottom = 22;
  const left = 8;
  const width = Math.max(320, left * 2 + bars.length * step);
  const height = top + plot + bottom;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const svg = s('svg', {
    class: 'chart', viewBox: `0 0 ${width} ${height}`, width, height,
    role: 'img', 'aria-label': label || 'chart',
  });
  svg.append(s('title', {}, label || 'chart'));
  svg.append(s('line', {class: 'chart-axis', x1: left, x2: width - left, y1: top + plot + 0.5, y2: top + plot + 0.5}));
  const labelEvery = Math.ceil(56 / step);
  let lastLabel = -Infinity;
  bars.forEach((bar, i) => {
    const x = left + i * step + (step - barWidth) / 2;
    const barHeight = bar.value > 0 ? Math.max(2, Math.round((bar.value / max) * plot)) : 0;
    const rect = s('rect', {
      class: 'chart-bar', x, y: top + plot - barHeight, width: barWidth, height: barHeight,
      'data-label': bar.label, 'data-value': bar.value,
    });
    const tip = bar.title || `${bar.label}: ${formatCount(bar.value)} ${unit}`;
    rect.append(s('title', {}, tip));
    // A hit area the height of the plot, so small bars are easy to point at.
    const hit = s('rect', {class: 'chart-hit', x, y: top, width: barWidth, height: plot});
    const group = bar.href && bar.value > 0
      ? s('a', {href: bar.href, class: 'chart-link', 'aria-label': tip}, hit, rect)
      : s('g', {}, hit, rect);
    if (bar.value > 0) {
      group.append(s('text', {class: 'chart-value', x: x + barWidth / 2, y: top + plot - barHeight - 3, 'text-anchor': 'middle'},
        formatCount(bar.value)));
    }
    svg.append(group);
    if (i - lastLabel >= labelEvery) {
      lastLabel = i;
      svg.append(s('text', {class: 'chart-label', x: x + barWidth / 2, y: top + plot + 15, 'text-anchor': 'middle'}, bar.label));
    }
  });
  return svg;
}
