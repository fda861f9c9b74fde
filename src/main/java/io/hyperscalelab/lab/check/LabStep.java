package io.hyperscalelab.lab.check;

/**
 * A step of the lab that can verify itself.
 *
 * @param id       stable name, stored with the learner's account and written in the guide's check
 *                 blocks ({@code ```check} / {@code tables} / {@code ```})
 * @param page     the id of the guide page the step is on
 * @param title    what the learner did, as the guide's mark says it ("Tables distributed")
 * @param verifies what the check looks at, in a sentence
 */
public record LabStep(String id, String page, String title, String verifies) {
}
