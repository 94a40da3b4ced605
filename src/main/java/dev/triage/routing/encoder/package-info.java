/**
 * The BERT-style encoder rebuilt from ONNX on DJL's PyTorch engine: weights, tokenizer, inference.
 * The only package that may touch DJL.
 */
package dev.triage.routing.encoder;
