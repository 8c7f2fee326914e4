package org.piste.sim;

import java.time.LocalDateTime;
import org.piste.model.Channel;

/** What a sender decided: who is paid, when (Paris local time), how, how much (euro cents) and why. */
record Event(Person sender, Person recipient, LocalDateTime when, Channel channel, long cents, String purpose) {}
