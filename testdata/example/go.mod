module example.com/itsaas

go 1.26
