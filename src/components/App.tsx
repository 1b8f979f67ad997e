/** The studio's root component. */
export function App() {
  return (
    <main>
      <h1>Flopack Studio</h1>
      <p>Design, export and review Okta Workflows flows.</p>
    </main>
  );
}
