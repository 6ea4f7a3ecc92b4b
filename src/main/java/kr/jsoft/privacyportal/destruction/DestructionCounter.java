package kr.jsoft.privacyportal.destruction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last reference number given in a Seoul year; locked FOR UPDATE while the next is taken. */
@Entity
@Table(name = "destruction_counter")
class DestructionCounter {
    @Id
    @Column(name = "counter_year")
    private Integer year;
    @Column(name = "last_number", nullable = false)
    private int lastNumber;

    protected DestructionCounter() {
    }

    DestructionCounter(int year) {
        this.year = year;
    }

    int next() {
        return ++lastNumber;
    }
}
