package kr.jsoft.privacyportal.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last reference number given in a year; locked FOR UPDATE while the next is taken. */
@Entity
@Table(name = "complaint_counter")
class ComplaintCounter {
    @Id
    @Column(name = "counter_year")
    private Integer year;
    @Column(name = "last_value", nullable = false)
    private long lastValue;

    protected ComplaintCounter() {
    }

    ComplaintCounter(int year) {
        this.year = year;
    }

    long next() {
        return ++lastValue;
    }
}
