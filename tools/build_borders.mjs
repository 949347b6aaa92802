// Builds twinschools/static/maps/europe-borders.json, the offline base layer of every map:
// Natural Earth 1:50m country borders (npm world-atlas, TopoJSON) clipped to the window of
// Europe and the eTwinning countries (the Azores to the Caspian, the Sahara's edge to the North
// Cape), as GeoJSON with coordinates rounded to 0.01 degree (about 1 km, finer than the 1:50m
// data itself). Polygons wholly outside the window (French Guiana, Réunion) are dropped and the
// rest is clipped, so the file stays small.
// Run: node tools/build_borders.mjs   (the output is committed; world-atlas is a dev dependency)
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const { feature } = require("topojson-client");

const WEST = -32, EAST = 50, SOUTH = 27, NORTH = 72;
const OUTPUT = new URL("../twinschools/static/maps/europe-borders.json", import.meta.url);

const topology = JSON.parse(readFileSync(require.resolve("world-atlas/countries-50m.json"), "utf8"));
const countries = feature(topology, topology.objects.countries);

const round = (n) => Math.round(n * 100) / 100;

function boundsOf(ring) {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y);
  }
  return [w, s, e, n];
}

function inWindow(polygon) {
  const [w, s, e, n] = boundsOf(polygon[0]);
  return e >= WEST && w <= EAST && n >= SOUTH && s <= NORTH;
}

function simplifyRing(ring) {
  // Rounding makes neighbouring points equal: keep one of each run.
  const out = [];
  for (const [x, y] of ring) {
    const point = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out.length >= 4 ? out : null;
}

// Sutherland-Hodgman against one edge of the window; the window is convex, so four passes clip
// any ring to it (Russia and Kazakhstan keep only their part west of the Caspian's east shore).
function clipEdge(ring, inside, cross) {
  const out = [];
  for (let i = 0; i < ring.length; i++) {
    const current = ring[i], previous = ring[(i + ring.length - 1) % ring.length];
    if (inside(current)) {
      if (!inside(previous)) out.push(cross(previous, current));
      out.push(current);
    } else if (inside(previous)) {
      out.push(cross(previous, current));
    }
  }
  return out;
}

const atX = (x) => (a, b) => [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])];
const atY = (y) => (a, b) => [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y];

function clip(ring) {
  let out = ring.slice(0, -1);
  out = clipEdge(out, (p) => p[0] >= WEST, atX(WEST));
  out = clipEdge(out, (p) => p[0] <= EAST, atX(EAST));
  out = clipEdge(out, (p) => p[1] >= SOUTH, atY(SOUTH));
  out = clipEdge(out, (p) => p[1] <= NORTH, atY(NORTH));
  return out.length ? [...out, out[0]] : out;
}

function keep(polygon) {
  const rings = polygon.map(clip).map(simplifyRing).filter(Boolean);
  return rings.length && rings[0] ? rings : null;
}

const features = [];
for (const country of countries.features) {
  const geometry = country.geometry;
  if (!geometry) continue;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const kept = polygons.filter(inWindow).map(keep).filter(Boolean);
  if (!kept.length) continue;
  features.push({
    type: "Feature",
    id: country.id,
    properties: { name: country.properties.name },
    geometry: { type: "MultiPolygon", coordinates: kept },
  });
}
features.sort((a, b) => a.properties.name.localeCompare(b.properties.name));
writeFileSync(OUTPUT, JSON.stringify({ type: "FeatureCollection", features }) + "\n");
console.log(`${features.length} countries written to ${OUTPUT.pathname}`);
