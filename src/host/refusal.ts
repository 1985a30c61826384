// Refusals a host adapter throws that the views show as they are (the core's reason, for the user).

/** A previous return that may not prefill this template: the message is the core's reason, for the user. */
export class PrefillRefusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "PrefillRefusal";
  }
}
