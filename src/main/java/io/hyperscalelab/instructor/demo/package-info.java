/**
 * Demo mode: the instructor presents the lab on a projector, each step of the lab guide (its
 * {@code bash} and {@code sql} code blocks, in order) run for real, with the product's own Cloud
 * Shell and psql, on a demo server group the instructor owns. {@link io.hyperscalelab.instructor.demo.DemoScript}
 * turns the guide into steps, {@link io.hyperscalelab.instructor.demo.DemoRun} runs them (and
 * replays the demo on a fresh group), {@link io.hyperscalelab.instructor.demo.DemoView} is the
 * presenter screen: large type, Next and Back, and the breakdown chart at full width.
 */
package io.hyperscalelab.instructor.demo;
