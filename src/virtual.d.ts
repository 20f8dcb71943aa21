/** The URL of the bundled dataset file, chosen at build time by TIMELINE_DATASET (build/story.ts). */
declare module 'virtual:bundled-dataset' {
  const url: string;
  export default url;
}
