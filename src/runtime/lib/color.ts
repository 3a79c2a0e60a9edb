/**
 * Pine colors as numbers: `((r·256 + g)·256 + b)·1024 + round(transparency·10)`, na = NaN.
 * A number keeps colors in Float64Array series and plots, compares with `==`, and carries
 * transparency (0–100, 0.1 steps) exactly through `color.new`/`color.t`.
 */

const T_SCALE = 10;
const T_SLOTS = 1024;

/** `color.rgb(red, green, blue, transp)`; components are clamped and rounded, na in → na. */
export function rgb(r: number, g: number, b: number, transp = 0): number {
  if (r !== r || g !== g || b !== b || transp !== transp) return NaN;
  const c = (v: number): number => Math.min(255, Math.max(0, Math.round(v)));
  const t = Math.min(100, Math.max(0, transp));
  return ((c(r) * 256 + c(g)) * 256 + c(b)) * T_SLOTS + Math.round(t * T_SCALE);
}

/** `color.new(color, transp)`: same RGB, new transparency. */
export function withTransparency(color: number, transp: number): number {
  if (color !== color) return NaN;
  return rgb(r(color), g(color), b(color), transp);
}

/** `color.r(color)`. */
export function r(color: number): number {
  return color !== color ? NaN : Math.floor(color / T_SLOTS / 65536) % 256;
}
/** `color.g(color)`. */
export function g(color: number): number {
  return color !== color ? NaN : Math.floor(color / T_SLOTS / 256) % 256;
}
/** `color.b(color)`. */
export function b(color: number): number {
  return color !== color ? NaN : Math.floor(color / T_SLOTS) % 256;
}
/** `color.t(color)`: transparency 0–100. */
export function t(color: number): number {
  return color !== color ? NaN : (color % T_SLOTS) / T_SCALE;
}

/** A color literal `#RRGGBB` or `#RRGGBBAA` (alpha 255 = opaque = transparency 0). */
export function hex(literal: string): number {
  const h = literal.replace('#', '');
  const v = (i: number): number => parseInt(h.slice(i, i + 2), 16);
  const alpha = h.length >= 8 ? v(6) : 255;
  return rgb(v(0), v(2), v(4), ((255 - alpha) / 255) * 100);
}

/**
 * `color.from_gradient(value, bottom_value, top_value, bottom_color, top_color)`: linear blend
 * of each channel and transparency, with value clamped to the range.
 */
export function from_gradient(
  value: number,
  bottom: number,
  top: number,
  bottomColor: number,
  topColor: number,
): number {
  if (value !== value || bottom !== bottom || top !== top) return NaN;
  const f = top === bottom ? 0 : Math.min(1, Math.max(0, (value - bottom) / (top - bottom)));
  const mix = (x: number, y: number): number => x + (y - x) * f;
  return rgb(
    mix(r(bottomColor), r(topColor)),
    mix(g(bottomColor), g(topColor)),
    mix(b(bottomColor), b(topColor)),
    mix(t(bottomColor), t(topColor)),
  );
}

/** The `color.*` constants (v6 palette values from the reference manual). */
export const colors = {
  aqua: hex('#00BCD4'),
  black: hex('#363A45'),
  blue: hex('#2962FF'),
  fuchsia: hex('#E040FB'),
  gray: hex('#787B86'),
  green: hex('#4CAF50'),
  lime: hex('#00E676'),
  maroon: hex('#880E4F'),
  navy: hex('#311B92'),
  olive: hex('#808000'),
  orange: hex('#FF9800'),
  purple: hex('#9C27B0'),
  red: hex('#F23645'),
  silver: hex('#B2B5BE'),
  teal: hex('#089981'),
  white: hex('#FFFFFF'),
  yellow: hex('#FDD835'),
} as const;
