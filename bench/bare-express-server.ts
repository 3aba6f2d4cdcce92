// The ceiling: a bare Express 5 handler that reads the raw body and answers 200, measured in the same run.
import express from "express";

const app = express();
app.post("/api/webhooks", express.raw({ type: () => true, limit: "10mb" }), (req, res) => {
  res.status(200).json({ bytes: Buffer.isBuffer(req.body) ? req.body.length : 0 });
});
const port = Number(process.env.PORT ?? 3101);
app.listen(port, "127.0.0.1", () => console.log(`bare express on ${port}`));
