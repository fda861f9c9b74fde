/**
 * The instructor's pages, for accounts with the role INSTRUCTOR only: their classes and the form
 * that creates one (with the credential sheet to print or download), each class's live dashboard
 * and its actions, a learner's lab read-only, and the demo mode that runs the lab guide's steps
 * for real on a demo server group, on a presenter screen ({@link io.hyperscalelab.instructor.demo}).
 * What these pages show and change is the {@link io.hyperscalelab.classroom} package's.
 */
package io.hyperscalelab.instructor;
