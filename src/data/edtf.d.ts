// The edtf package ships no types; this declares what we use of it.
declare module 'edtf' {
  interface EdtfValue {
    type: string;
    min: number;
    max: number;
    precision?: number;
    uncertain?: unknown;
    approximate?: unknown;
    lower?: EdtfValue | null;
    upper?: EdtfValue | null;
  }
  export default function edtf(text: string): EdtfValue;
  export class Date {
    readonly min: number;
    readonly max: number;
  }
  export class Interval {
    readonly lower: EdtfValue | null;
    readonly upper: EdtfValue | null;
  }
  export class Year {
    readonly min: number;
  }
  export class Decade {
    readonly min: number;
  }
  export class Century {
    readonly min: number;
  }
  export class Season {
    readonly min: number;
  }
}
