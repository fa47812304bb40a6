# Tutorial: an Event as a traffic light; five cars wait for green.
from threading import Thread, Event
import time

traffic_light = Event()


def light():
    print("Red light!")
    time.sleep(0.2)
    print("Green light!")
    traffic_light.set()


def car(name):
    print(f"{name} waiting for green...")
    traffic_light.wait()
    print(f"{name} drives!")


t_light = Thread(target=light)
t_light.start()

for i in range(5):
    t_car = Thread(target=car, args=(f"Car-{i}",))
    t_car.start()
