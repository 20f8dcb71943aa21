export function App() {
  return <main><h1>Conflict timeline</h1></main>;
}
