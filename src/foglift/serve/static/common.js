// Small helpers shared by the pages: safe element building and JSON fetches.

export const VERDICT_LABELS = {
  confirmed: "Confirmed",
  contradicted: "Contradicted",
  already_held: "Already held (late claim)",
  not_confirmed: "Not confirmed",
  unverified: "Unverified",
};

export const VERDICT_COLOURS = {
  confirmed: "#1a9850",
  contradicted: "#d73027",
  already_held: "#9e4fb5",
  not_confirmed: "#f39c12",
  unverified: "#8c8c8c",
};

export const SIDE_COLOURS = {
  russia: "#c0392b",
  ukraine: "#2f6db5",
  independent: "#2e8b57",
  unknown: "#9a9a9a",
};

export const TYPE_COLOURS = {
  territorial: "#7b3294",
  advance: "#c2a5cf",
  objects: "#008837",
  losses: "#a6dba0",
  strike: "#e66101",
  other: "#9a9a9a",
};

// An element with attributes and text: text always goes in as textContent.
export function el(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

export async function getJSON(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  const data = await response.json();
  if (!response.ok) {
    const message = data && data.error ? data.error.message : response.statusText;
    throw new Error(message);
  }
  return data;
}
