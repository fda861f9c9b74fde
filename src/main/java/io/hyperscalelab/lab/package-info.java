/**
 * The guided lab: its pages in order, the side panel that shows them beside the portal, the
 * learner's place in it, the environment details, and on each page the marks of its steps'
 * self-checks (run by {@link io.hyperscalelab.lab.check}) with the Conclusions' own figures.
 */
package io.hyperscalelab.lab;
