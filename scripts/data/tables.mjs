// The tables copied from ../shared/data: only the fields the rules need, each entry keeping its
// source and confidence. Every function checks what it relies on and fails loudly otherwise.
import { fail } from './fail.mjs';

const CONFIDENCE = new Set(['documented', 'convention', 'uncertain', 'conflicting']);
const SIZE_STATUS = new Set(['supported', 'currentlyNotSupported', 'notSupported', 'uncertain']);

function requireFields(entry, fields, where) {
  for (const field of fields) {
    if (!(field in entry)) fail(`${where}: entry ${JSON.stringify(entry).slice(0, 120)} has no "${field}"`);
  }
}

function checkConfidence(value, where) {
  if (!CONFIDENCE.has(value)) fail(`${where}: unknown confidence ${JSON.stringify(value)}`);
}

/**
 * @param {any} families  vm-size-families.json
 * @param {any} classes   scripts/data/size-classes.json
 */
export function vmSizeTable(families, classes) {
  const where = 'vm-size-families.json';
  const classPatterns = classes.workloadClasses.map((c) => ({ id: c.id, pattern: new RegExp(c.namePattern, 'i') }));
  const classOf = (name) => {
    const matches = classPatterns.filter((c) => c.pattern.test(name)).map((c) => c.id);
    if (matches.length !== 1) fail(`size-classes.json: ${name} falls in ${matches.length} workload classes`);
    return matches[0];
  };
  const rows = families.entries.map((entry) => {
    requireFields(entry, ['family', 'namePattern', 'patternFlags', 'status', 'gen1Only', 'examples', 'confidence', 'notes', 'source'], where);
    if (entry.patternFlags !== 'i') fail(`${where}: ${entry.family} has flags "${entry.patternFlags}"; lookups assume "i"`);
    if (!SIZE_STATUS.has(entry.status)) fail(`${where}: ${entry.family} has unknown status ${entry.status}`);
    checkConfidence(entry.confidence, `${where} ${entry.family}`);
    if (entry.examples.length === 0) fail(`${where}: ${entry.family} has no examples`);
    const workloadClasses = new Set(entry.examples.map(classOf));
    if (workloadClasses.size !== 1) fail(`${where}: examples of ${entry.family} span workload classes ${[...workloadClasses].join(', ')}`);
    return {
      family: entry.family,
      namePattern: entry.namePattern,
      status: entry.status,
      gen1Only: entry.gen1Only,
      // The family names say which series are Arm64; suggestions must not cross architectures.
      arm64: /\bArm64\b/.test(entry.family),
      workloadClass: [...workloadClasses][0],
      examples: entry.examples,
      confidence: entry.confidence,
      notes: entry.notes,
      source: entry.source,
    };
  });

  // First match wins: every example must land on its own entry, or the order is wrong.
  const compiled = rows.map((row) => ({ row, pattern: new RegExp(row.namePattern, 'i') }));
  const classify = (name) => compiled.find((c) => c.pattern.test(name))?.row;
  for (const row of rows) {
    for (const example of row.examples) {
      const hit = classify(example);
      if (hit !== row) fail(`${where}: example ${example} of ${row.family} is classified as ${hit?.family ?? 'nothing'}`);
    }
  }

  const premiumTwins = classes.premiumTwins.map((twin) => {
    const family = rows.find((row) => row.family.startsWith(twin.family));
    if (!family) fail(`size-classes.json: premium twin family ${twin.family} is not in ${where}`);
    const pattern = new RegExp(twin.namePattern, 'i');
    for (const example of family.examples) {
      if (!pattern.test(example)) fail(`size-classes.json: ${twin.namePattern} does not match ${example} of ${family.family}`);
      const target = example.replace(pattern, twin.replacement);
      if (classify(target)?.status !== 'supported') fail(`size-classes.json: twin ${target} of ${example} is not a supported size`);
    }
    return { family: family.family, namePattern: twin.namePattern, replacement: twin.replacement, source: twin.source };
  });

  return {
    authoritativeCheck: families.authoritativeCheck,
    families: rows,
    workloadClasses: classes.workloadClasses.map((c) => ({ ...c, source: classes.workloadClassSource })),
    premiumTwins,
  };
}

/** @param {any} mapping  image-gen2-mapping.json */
export function imageTable(mapping) {
  const where = 'image-gen2-mapping.json';
  const seen = new Map();
  const pairs = mapping.entries.map((entry) => {
    requireFields(entry, ['os', 'publisher', 'gen1', 'gen2', 'trustedLaunchSupportedOs', 'confidence', 'notes', 'source'], where);
    checkConfidence(entry.confidence, `${where} ${entry.os}`);
    if (entry.gen1 === null && entry.gen2 === null) fail(`${where}: ${entry.os} has neither a Gen1 nor a Gen2 image`);
    for (const [generation, image] of [['gen1', entry.gen1], ['gen2', entry.gen2]]) {
      if (image === null) continue;
      const key = `${entry.publisher}:${image.offer}:${image.sku}`.toLowerCase();
      const previous = seen.get(key);
      if (previous) fail(`${where}: ${key} is listed twice (${previous} and ${generation} of ${entry.os})`);
      seen.set(key, `${generation} of ${entry.os}`);
    }
    const pick = (image) => (image === null ? null : { offer: image.offer, sku: image.sku });
    return {
      os: entry.os,
      publisher: entry.publisher,
      gen1: pick(entry.gen1),
      gen2: pick(entry.gen2),
      trustedLaunchSupportedOs: entry.trustedLaunchSupportedOs,
      confidence: entry.confidence,
      notes: entry.notes,
      source: entry.source,
    };
  });
  return { authoritativeCheck: mapping.authoritativeCheck, pairs };
}

const EXTENSION_ROLES = [
  ['guestAttestation', /^GuestAttestation$/i],
  ['serviceFabricNode', /^ServiceFabric(Linux)?Node$/i],
  ['azureDiskEncryption', /^AzureDiskEncryption(ForLinux)?$/i],
  ['applicationHealth', /^ApplicationHealth(Windows|Linux)$/i],
  ['nvidiaGpuDriver', /^NvidiaGpuDriver(Windows|Linux)$/i],
];

/** The OS an extension is for: named in its type, or else once in its purpose. */
function extensionOs(type, purpose, where) {
  for (const text of [type, purpose]) {
    const named = ['Windows', 'Linux'].filter((os) => text.includes(os));
    if (named.length === 1) return named[0];
  }
  return fail(`${where}: cannot tell whether ${type} is for Windows or Linux`);
}

/** @param {any} extensions  extensions.json */
export function extensionTable(extensions) {
  const where = 'extensions.json';
  const rows = [];
  for (const entry of extensions.entries) {
    requireFields(entry, ['purpose', 'publisher', 'type', 'source'], where);
    // One entry may name two types ("ApplicationHealthWindows / ApplicationHealthLinux").
    for (const type of entry.type.split('/').map((t) => t.trim())) {
      const role = EXTENSION_ROLES.find(([, pattern]) => pattern.test(type))?.[0];
      if (!role) fail(`${where}: extension type ${type} has no role in scripts/data/tables.mjs`);
      const row = { role, publisher: entry.publisher, type, os: extensionOs(type, entry.purpose, where), purpose: entry.purpose };
      if (role === 'guestAttestation') {
        requireFields(entry, ['typeHandlerVersion', 'autoUpgradeMinorVersion', 'enableAutomaticUpgrade', 'settings'], where);
        row.template = {
          typeHandlerVersion: entry.typeHandlerVersion,
          autoUpgradeMinorVersion: entry.autoUpgradeMinorVersion,
          enableAutomaticUpgrade: entry.enableAutomaticUpgrade,
          settings: entry.settings,
        };
      }
      row.source = entry.source;
      rows.push(row);
    }
  }
  for (const os of ['Windows', 'Linux']) {
    const count = rows.filter((row) => row.role === 'guestAttestation' && row.os === os).length;
    if (count !== 1) fail(`${where}: ${count} GuestAttestation entries for ${os}, expected 1`);
  }
  return { extensions: rows };
}

/**
 * @param {any} supportedOs   tl-supported-os.json
 * @param {any} publishers    scripts/data/os-publishers.json
 * @param {string} facts      trusted-launch-facts.md
 * @param {ReturnType<typeof imageTable>} images
 */
export function osTable(supportedOs, publishers, facts, images) {
  const section = /^### 2\.5 [^\n]*\n([\s\S]*?)(?=^##)/m.exec(facts)?.[1];
  if (!section) fail('trusted-launch-facts.md: section 2.5 (deciding the OS type) not found');
  const named = [
    ...Object.values(publishers.publishers).flat(),
    ...publishers.offerRules.map((rule) => rule.publisher).filter((p) => p !== '*'),
  ];
  for (const publisher of named) {
    if (!section.includes(`\`${publisher}\``)) fail(`os-publishers.json: ${publisher} is not named in trusted-launch-facts.md §2.5`);
  }
  const osOfPublisher = (publisher) =>
    Object.entries(publishers.publishers).find(([, list]) => list.some((p) => p.toLowerCase() === publisher.toLowerCase()))?.[0];
  for (const pair of images.pairs) {
    const os = osOfPublisher(pair.publisher);
    const expected = /^Windows/.test(pair.os) ? 'Windows' : 'Linux';
    if (os !== expected) fail(`os-publishers.json: image publisher ${pair.publisher} (${pair.os}) is classified as ${os ?? 'unknown'}`);
  }
  for (const entry of supportedOs.entries) requireFields(entry, ['os', 'versions2025', 'versions2023', 'source'], 'tl-supported-os.json');
  return {
    publishers: Object.entries(publishers.publishers).map(([os, names]) => ({ os, names, source: publishers.source })),
    offerRules: publishers.offerRules,
    supportedOs: supportedOs.entries.map(({ os, versions2025, versions2023, source }) => ({ os, versions2025, versions2023, source })),
    arm64Note: supportedOs.arm64Note,
    gen1UpgradeExclusions: supportedOs.gen1UpgradeExclusions,
  };
}

/** @param {any} limitations  limitations.json */
export function limitationTable(limitations) {
  const where = 'limitations.json';
  const ids = new Set();
  const rows = limitations.entries.map((entry) => {
    requireFields(entry, ['id', 'title', 'appliesTo', 'statusForTrustedLaunch', 'templateDetectable', 'source'], where);
    if (ids.has(entry.id)) fail(`${where}: id ${entry.id} is listed twice`);
    ids.add(entry.id);
    return {
      id: entry.id,
      title: entry.title,
      appliesTo: entry.appliesTo,
      status: entry.statusForTrustedLaunch,
      templateDetectable: entry.templateDetectable,
      source: entry.source,
    };
  });
  return { limitations: rows };
}
