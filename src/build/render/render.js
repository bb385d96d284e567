// Renders BPMN files to PNG with bpmn-js (the renderer Camunda Modeler and Cockpit use) in headless Chromium.
// Usage: node render.js <output-dir> <file.bpmn>...  Writes <output-dir>/process-<process-id>.png per file and,
// for each collapsed sub-process drawn on its own plane, process-<process-id>-<sub-process-id>.png.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SCALE = 1.5; // device pixels per diagram unit: labels stay readable in docs/
const MARGIN = 30; // diagram units of white space around the drawing

async function renderFile(page, file, outDir) {
  const xml = fs.readFileSync(file, 'utf8');
  const planes = await page.evaluate(async (xml) => {
    document.body.innerHTML = '<div id="canvas" style="width: 100%; height: 100%"></div>';
    window.viewer = new BpmnJS({ container: '#canvas' });
    const { warnings } = await window.viewer.importXML(xml);
    const canvas = window.viewer.get('canvas');
    return {
      warnings: warnings.map((w) => w.message),
      roots: canvas.getRootElements().map((r) => ({ id: r.id, type: r.type,
        businessId: r.businessObject && r.businessObject.id })),
      process: canvas.getRootElement().businessObject.processRef
        ? canvas.getRootElement().businessObject.processRef.id : canvas.getRootElement().businessObject.id,
    };
  }, xml);
  if (planes.warnings.length) {
    throw new Error(`${file}: bpmn-js import warnings:\n  ${planes.warnings.join('\n  ')}`);
  }
  const written = [];
  for (const root of planes.roots) {
    const isMain = root.businessId === planes.process || root.type === 'bpmn:Collaboration';
    const name = isMain ? `process-${planes.process}.png` : `process-${planes.process}-${root.businessId}.png`;
    const box = await page.evaluate(({ rootId, margin }) => {
      const canvas = window.viewer.get('canvas');
      canvas.setRootElement(canvas.findRoot(rootId) || canvas.getRootElements().find((r) => r.id === rootId));
      const layer = canvas.getActiveLayer();
      const b = layer.getBBox();
      // below the drawing: room for the bpmn.io logo, which bpmn-js's licence keeps visible
      return { x: b.x - margin, y: b.y - margin, width: Math.ceil(b.width + 2 * margin),
        height: Math.ceil(b.height + 2 * margin + 30) };
    }, { rootId: root.id, margin: MARGIN });
    await page.setViewportSize({ width: box.width, height: box.height });
    await page.evaluate((box) => {
      const canvas = window.viewer.get('canvas');
      canvas.resized();
      canvas.viewbox({ x: box.x, y: box.y, width: box.width, height: box.height });
    }, box);
    const out = path.join(outDir, name);
    await page.screenshot({ path: out, clip: { x: 0, y: 0, width: box.width, height: box.height } });
    written.push(out);
  }
  return written;
}

async function main() {
  const [outDir, ...files] = process.argv.slice(2);
  if (!outDir || files.length === 0) {
    console.error('usage: node render.js <output-dir> <file.bpmn>...');
    process.exit(2);
  }
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: SCALE, viewport: { width: 800, height: 600 } });
    await page.setContent('<!doctype html><html><head><meta charset="utf-8">'
      + '<style>html, body { margin: 0; padding: 0; width: 100%; height: 100%; background: #fff; overflow: hidden }'
      + ' .bjs-breadcrumbs, .bjs-drilldown { display: none !important }' // navigation, not part of the picture
      + '</style></head><body></body></html>');
    const dist = path.dirname(require.resolve('bpmn-js/package.json'));
    await page.addStyleTag({ path: path.join(dist, 'dist/assets/diagram-js.css') });
    await page.addStyleTag({ path: path.join(dist, 'dist/assets/bpmn-js.css') });
    await page.addStyleTag({ path: path.join(dist, 'dist/assets/bpmn-font/css/bpmn.css') });
    await page.addScriptTag({ path: path.join(dist, 'dist/bpmn-viewer.production.min.js') });
    for (const file of files) {
      for (const out of await renderFile(page, file, outDir)) {
        console.log(`rendered ${file} -> ${out}`);
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
