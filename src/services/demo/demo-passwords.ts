import { randomInt } from 'node:crypto';

/**
 * Passphrases for the demo's logins: five words and a number, drawn with the system's
 * cryptographic randomness (about 44 bits), so that a demo left reachable on a network is not
 * open to anyone who has read this file. Plain words survive being copied from a terminal and
 * typed on a phone.
 */

const words = `
amber anchor apple arrow aspen atlas badge bamboo banjo basil beacon berry birch bison blossom bramble breeze
brook cactus camel candle canoe canyon carbon cedar cello chalk cherry cinder clover cobalt comet copper coral
cotton crater cricket crystal cypress daisy delta denim desert dolphin dragon dune eagle ember falcon fennel
fern fiddle fjord flint forest fossil fox galaxy garnet ginger glacier granite gravel harbor hazel heron
hickory honey horizon iris island ivory jasmine jigsaw juniper kayak kettle kiwi lagoon lantern lark lava
lemon lilac linen lotus lunar magnet mango maple marble meadow melon meteor mint mosaic moss nectar nickel
nutmeg oak oasis ocean olive onyx opal orbit orchid otter paddle panda papaya parrot pebble pepper piano pine
planet plum polar poppy prairie prism puffin quartz quill radish raven reef ribbon river robin rocket saddle
saffron salmon sapphire satin sequoia shadow silver sketch sparrow spruce stone summit swallow tango thistle
thunder tiger timber topaz tulip tundra turtle umber valley velvet violet walnut willow winter yarrow zebra
zephyr
`
  .split(/\s+/)
  .filter(Boolean);

/** A new passphrase such as `maple-orbit-canyon-velvet-harbor-42`. */
export function demoPassphrase(): string {
  const chosen = Array.from({ length: 5 }, () => words[randomInt(words.length)]);
  return `${chosen.join('-')}-${randomInt(10, 100)}`;
}
