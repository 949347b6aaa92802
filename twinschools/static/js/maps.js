/* The one map module of every map (label map, events, a school's reach, the NSO's coverage).
 *
 * A map is a <div class="map" data-map="ID" ...> rendered by {% map %} (core/templatetags/maps.py):
 * the points and cells come from the json_script element ID, the options from data-* attributes.
 * The base layer is the bundled country borders (static/maps/europe-borders.json, Natural Earth),
 * so a map draws with no internet; tiles are added only when the operator sets
 * TWINSCHOOLS_MAP_TILE_URL. A map's content may name region layers (the NSO's coverage): bundled
 * region shapes (static/maps/regions/<country>.json) fetched from the same origin and drawn above
 * the borders and under the cells and markers, each region with the CSS class of its shade
 * (map-region-none/low/medium/high) and a tooltip of its numbers. Region shapes take no
 * keyboard focus (Leaflet gives SVG paths no tabindex): the page's region table has the same
 * numbers, so the keyboard goes from marker to marker as before. Markers are Leaflet markers with div icons: keyboard-focusable
 * (Tab), Enter opens their popup and moves focus to its link, Escape closes it and focus goes
 * back to the marker. No inline style is written in HTML: Leaflet sizes and places elements
 * through element.style (CSSOM), which the Content-Security-Policy allows.
 */
(function () {
  "use strict";

  const EUROPE = [[34, -25], [71, 45]];
  const bordersCache = {};

  // A div icon with an accessible name: markers and clusters are role=button elements.
  const LabelledIcon = L.DivIcon.extend({
    createIcon: function (old) {
      const element = L.DivIcon.prototype.createIcon.call(this, old);
      element.setAttribute("aria-label", this.options.label);
      element.setAttribute("title", this.options.label);
      return element;
    },
  });

  function text(tag, className, content) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    element.textContent = content;
    return element;
  }

  // Popups are built with DOM calls and textContent: names come from users and are never HTML.
  function popupContent(item) {
    const box = document.createElement("div");
    box.className = "map-popup";
    box.appendChild(text("p", "map-popup-title", item.name));
    (item.lines || []).forEach(function (line) {
      box.appendChild(text("p", "map-popup-line", line));
    });
    if (item.url) {
      const link = text("a", "map-popup-link", item.link);
      link.href = item.url;
      box.appendChild(text("p", "", "")).appendChild(link);
    }
    return box;
  }

  function loadBorders(url) {
    if (!bordersCache[url]) {
      bordersCache[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error("shapes: " + response.status);
        return response.json();
      });
    }
    return bordersCache[url];
  }

  // A region's tooltip: its name and numbers, built with textContent like the popups.
  function regionTooltip(shade) {
    const box = document.createElement("div");
    box.className = "map-popup";
    box.appendChild(text("p", "map-popup-title", shade.name));
    shade.lines.forEach(function (line) {
      box.appendChild(text("p", "map-popup-line", line));
    });
    return box;
  }

  // Region layers are drawn after the borders, so their SVG paths lie above them; cells and
  // markers live in Leaflet's marker pane, above every path.
  function regionLayers(map, layers) {
    return Promise.all(layers.map(function (layer) {
      map.attributionControl.addAttribution(layer.attribution);
      return loadBorders(layer.url).then(function (shapes) {
        L.geoJSON(shapes, {
          filter: function (feature) { return Boolean(layer.shades[feature.properties.code]); },
          // Leaflet takes className from the style only before the path is on the map: this
          // group is built with its data and added afterwards. CSS sets fill and stroke.
          style: function (feature) {
            const shade = layer.shades[feature.properties.code];
            return {
              className: "map-region map-region-" + shade.shade + (shade.selected ? " map-region-selected" : ""),
              weight: shade.selected ? 3 : 1,
            };
          },
          onEachFeature: function (feature, path) {
            path.bindTooltip(regionTooltip(layer.shades[feature.properties.code]), { sticky: true });
          },
        }).addTo(map);
      });
    }));
  }

  function baseLayers(map, options) {
    if (options.tileUrl) {
      L.tileLayer(options.tileUrl, { attribution: options.tileAttribution, maxZoom: 18 }).addTo(map);
    }
    map.attributionControl.addAttribution(options.bordersAttribution);
    return loadBorders(options.bordersUrl).then(function (borders) {
      // Leaflet writes stroke and fill as SVG presentation attributes; the class's CSS sets them.
      L.geoJSON(borders, { className: "map-border", interactive: false, weight: 1 }).addTo(map);
    });
  }

  function bindKeyboardPopup(marker, closeLabel) {
    marker.on("keypress", function (event) {
      if (event.originalEvent.key === "Enter") marker._openedByKeyboard = true;
    });
    marker.on("popupopen", function (event) {
      const element = event.popup.getElement();
      const close = element.querySelector(".leaflet-popup-close-button");
      if (close) close.setAttribute("aria-label", closeLabel);
      // Leaflet closes on Escape only while the map container itself has focus.
      L.DomEvent.on(element, "keydown", function (key) {
        if (key.key === "Escape") marker.closePopup();
      });
      if (marker._openedByKeyboard) {
        const link = element.querySelector("a.map-popup-link") || close;
        if (link) link.focus();
      }
    });
    marker.on("popupclose", function () {
      if (marker._openedByKeyboard) {
        marker._openedByKeyboard = false;
        const icon = marker.getElement();
        if (icon) icon.focus();
      }
    });
  }

  function pointMarker(item, options) {
    const marker = L.marker([item.lat, item.lon], {
      keyboard: true,
      riseOnHover: true,
      icon: new LabelledIcon({
        className: "map-marker map-marker-" + item.kind,
        iconSize: [18, 18],
        label: item.name,
      }),
    });
    marker.bindTooltip(item.name, { direction: "top", offset: [0, -10] });
    // Before bindPopup: its own keypress handler opens the popup, and must find the flag set.
    bindKeyboardPopup(marker, options.closeLabel);
    marker.bindPopup(popupContent(item));
    return marker;
  }

  // A grid cell: a round marker whose area grows with its schools (the NSO's coverage).
  const CELL_ORDER = { gap: 0, reached: 1000, anchor: 2000 };

  function cellMarker(item, biggest, options) {
    const size = Math.round(14 + 30 * Math.sqrt(item.count / biggest));
    const marker = L.marker([item.lat, item.lon], {
      keyboard: true,
      zIndexOffset: CELL_ORDER[item.kind] || 0,
      icon: new LabelledIcon({
        className: "map-cell map-cell-" + item.kind,
        iconSize: [size, size],
        label: item.name,
      }),
    });
    marker.bindTooltip(item.name, { direction: "top", offset: [0, -size / 2] });
    // Before bindPopup: its own keypress handler opens the popup, and must find the flag set.
    bindKeyboardPopup(marker, options.closeLabel);
    marker.bindPopup(popupContent(item));
    return marker;
  }

  function clusterGroup(options) {
    return L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 40,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: function (cluster) {
        const count = cluster.getChildCount();
        return new LabelledIcon({
          className: "map-cluster",
          html: "<span>" + count + "</span>",
          iconSize: [34, 34],
          label: options.clusterLabel.replace("__COUNT__", count),
        });
      },
    });
  }

  // At least about two degrees across, so that one town's markers still show borders around them.
  const MIN_SPAN = 2;

  function withContext(bounds) {
    const padded = bounds.pad(0.15);
    const center = padded.getCenter();
    const halfLat = Math.max(padded.getNorth() - padded.getSouth(), MIN_SPAN) / 2;
    const halfLng = Math.max(padded.getEast() - padded.getWest(), MIN_SPAN * 1.5) / 2;
    return L.latLngBounds(
      [center.lat - halfLat, center.lng - halfLng],
      [center.lat + halfLat, center.lng + halfLng]
    );
  }

  function readOptions(element) {
    const data = element.dataset;
    return {
      bordersUrl: data.bordersUrl,
      bordersAttribution: data.bordersAttribution,
      tileUrl: data.tileUrl || "",
      tileAttribution: data.tileAttribution || "",
      closeLabel: data.closeLabel,
      clusterLabel: data.clusterLabel,
      zoomIn: data.zoomIn,
      zoomOut: data.zoomOut,
    };
  }

  function draw(element) {
    const source = document.getElementById(element.dataset.map);
    if (!source || element.dataset.mapReady) return;
    element.dataset.mapReady = "true";
    const content = JSON.parse(source.textContent);
    const options = readOptions(element);
    const map = L.map(element, {
      zoomControl: false,
      maxZoom: options.tileUrl ? 18 : 12,
      minZoom: 2,
      keyboard: true,
    });
    L.control.zoom({ zoomInTitle: options.zoomIn, zoomOutTitle: options.zoomOut }).addTo(map);

    const markers = content.markers || [];
    const cells = content.cells || [];
    const bounds = L.latLngBounds([]);
    if (cells.length) {
      const biggest = Math.max.apply(null, cells.map(function (cell) { return cell.count; }));
      cells.forEach(function (cell) {
        cellMarker(cell, biggest, options).addTo(map);
        bounds.extend([cell.lat, cell.lon]);
      });
    }
    if (markers.length) {
      const group = clusterGroup(options);
      markers.forEach(function (item) {
        group.addLayer(pointMarker(item, options));
        bounds.extend([item.lat, item.lon]);
      });
      map.addLayer(group);
    }
    if (bounds.isValid()) {
      // Without tiles only borders give context: never zoom in past a country's scale.
      map.fitBounds(withContext(bounds), { maxZoom: options.tileUrl ? 11 : 6 });
    } else {
      map.fitBounds(EUROPE);
    }
    baseLayers(map, options)
      .then(function () {
        element.dataset.bordersReady = "true";
        return regionLayers(map, content.regions || []);
      })
      .then(function () {
        element.dataset.regionsReady = "true";
      });
  }

  function drawAll() {
    document.querySelectorAll("div.map[data-map]").forEach(draw);
  }

  drawAll();
  // The events calendar swaps its results (map included) with htmx.
  document.addEventListener("htmx:afterSettle", drawAll);
})();
