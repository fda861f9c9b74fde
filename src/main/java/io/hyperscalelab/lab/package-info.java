/**
 * The guided lab: its pages in order, the side panel that shows them beside the portal, the
 * learner's place in it, the environment details, and on each page the marks of its steps'
 * self-checks (run by {@link io.hyperscalelab.lab.check}) with the Conclusions' own figures. A lab
 * may be taken in a class: starting it with a class code takes a seat, and a class's learners
 * share its lab time; the lab asks {@link io.hyperscalelab.lab.LabClasses}, which the classroom
 * package implements.
 */
package io.hyperscalelab.lab;
