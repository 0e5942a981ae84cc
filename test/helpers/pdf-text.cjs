// Prints the text of the PDF on stdin, as pdf.js extracts it. Run as its own node process:
// pdf.js loads its worker with a dynamic import, which jest's module sandbox refuses.
const { PDFParse } = require('pdf-parse');

const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const { text } = await parser.getText();
  await parser.destroy();
  process.stdout.write(text);
});
