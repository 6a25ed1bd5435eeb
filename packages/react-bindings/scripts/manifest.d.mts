export function readElementsManifest(): Promise<{
  packageJson: { customElements?: string; exports?: Record<string, unknown> };
  manifestPath: string;
  manifest: unknown;
}>;
