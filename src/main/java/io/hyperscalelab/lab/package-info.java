/**
 * The guided lab: its pages in order, the side panel that shows them beside the portal, the
 * learner's place in it and the environment details.
 */
package io.hyperscalelab.lab;
